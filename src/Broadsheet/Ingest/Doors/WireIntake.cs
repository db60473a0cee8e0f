namespace Broadsheet.Ingest.Doors;

/// <summary>
/// The desk as the drop folders and pollers see it: one delivery in, the desk's receipt out, in a scope of its own
/// (the doors run outside any request). Returns only once what the desk did is committed.
/// </summary>
public interface IWireIntake
{
    Task<WireReceipt> ReceiveAsync(WireDelivery delivery, CancellationToken ct);
}

/// <summary>How the doors name themselves in <see cref="WireDelivery.Origin"/>.</summary>
public static class DoorOrigins
{
    public const string Folder = "folder";
    public const string Feed = "feed";
}
