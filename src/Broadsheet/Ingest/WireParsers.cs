namespace Broadsheet.Ingest;

/// <summary>The parser the desk uses: the formats of <c>Ingest/Formats</c>.</summary>
internal static class WireParsers
{
    public static WireParse Installed(byte[] body, string? contentType) =>
        new(null, [], "No wire format parser is installed in this build.");
}
