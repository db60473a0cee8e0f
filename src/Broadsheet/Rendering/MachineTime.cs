using System.Globalization;

namespace Broadsheet.Rendering;

/// <summary>
/// The machine-readable time in a reader page's <c>datetime</c> attributes: UTC to the second with a <c>Z</c>, which
/// HTML's grammar takes as it is, where the round-trip format's ticks and its encoded <c>+</c> cost bytes on every page.
/// </summary>
public static class MachineTime
{
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
