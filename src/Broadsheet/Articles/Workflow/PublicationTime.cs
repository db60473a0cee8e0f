using System.Globalization;

namespace Broadsheet.Articles.Workflow;

/// <summary>
/// Times as the newsroom types and reads them: wall-clock time in the publication's time zone
/// (<see cref="Publication.TimeZone"/>), stored as UTC.
/// </summary>
public sealed class PublicationTime(TimeZoneInfo zone)
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public TimeZoneInfo Zone => zone;

    public static PublicationTime Of(Publication? publication) =>
        new(publication is not null && TimeZoneInfo.TryFindSystemTimeZoneById(publication.TimeZone, out var found) ? found : TimeZoneInfo.Utc);

    public string ZoneName => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    /// <summary>Reads a <c>datetime-local</c> value; false with a message for a malformed time or one the clocks skip.</summary>
    public bool TryParse(string? input, out DateTimeOffset utc, out string? error)
    {
        utc = default;
        error = null;
        if (!DateTime.TryParseExact(input?.Trim(), [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = "Enter a date and time, e.g. 2026-03-01T09:30.";
            return false;
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            error = $"{local:yyyy-MM-dd HH:mm} does not exist in {ZoneName}: the clocks skip it.";
            return false;
        }
        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        return true;
    }

    public string ToInput(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, zone).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// How every newsroom page shows a time: to the second, in the publication's zone, and saying which zone
    /// ("6 Dec 2026, 23:05:09 Asia/Hong_Kong"), so two saves a few seconds apart read apart and nobody reads it as their own zone.
    /// </summary>
    public string Format(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, zone).ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + " " + ZoneName;
}
