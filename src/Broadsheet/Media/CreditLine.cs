namespace Broadsheet.Media;

/// <summary>How a credit reads under a picture: "Photo: TNS", unless the credit already says what it is ("Illustration: …").</summary>
public static class CreditLine
{
    private static readonly string[] Labels = ["Photo:", "Photograph:", "Illustration:", "Graphic:", "Image:", "Video:", "Map:", "Chart:"];

    public static string Of(string credit) =>
        Labels.Any(label => credit.StartsWith(label, StringComparison.OrdinalIgnoreCase)) ? credit : "Photo: " + credit;
}
