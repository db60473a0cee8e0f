using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Api;

/// <summary>Settings of the APIs, under <c>Broadsheet:Api</c> (<c>Broadsheet__Api__MaxPageSize</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Broadsheet:Api";

    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 100;

    [Range(1, 500)]
    public int DefaultPageSize { get; set; } = 20;
}
