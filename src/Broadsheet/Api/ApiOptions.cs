using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Api;

/// <summary>Settings of the APIs, under <c>Broadsheet:Api</c> (<c>Broadsheet__Api__MaxImageUploadBytes</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Broadsheet:Api";

    /// <summary>The largest image the admin API accepts; the upload endpoint's request body limit follows it.</summary>
    [Range(1024, 1L << 32)]
    public long MaxImageUploadBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 100;

    [Range(1, 500)]
    public int DefaultPageSize { get; set; } = 20;
}
