namespace Broadsheet.Data;

/// <summary>Where page <c>page</c> (from 1) of <c>size</c> rows starts, for <c>Skip</c>.</summary>
public static class PageOffset
{
    /// <summary>
    /// Computed in 64 bits and capped at <see cref="int.MaxValue"/>, so a page number far past the end reads an empty
    /// page instead of overflowing into a negative offset (an error on PostgreSQL, page 1 again on SQLite).
    /// </summary>
    public static int Of(int page, int size) => (int)Math.Clamp((long)(Math.Max(page, 1) - 1) * size, 0, int.MaxValue);
}
