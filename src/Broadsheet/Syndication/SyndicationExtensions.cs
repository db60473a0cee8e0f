namespace Broadsheet.Syndication;

/// <summary>Usage terms sent with every syndicated article (<c>Broadsheet:Syndication</c>); the copyright holder is the publication.</summary>
public sealed class SyndicationOptions
{
    public const string Section = "Broadsheet:Syndication";

    /// <summary>What partners may do with the copy (ninjs <c>usageTerms</c>, NewsML-G2 <c>rightsInfo/usageTerms</c>); none when empty.</summary>
    public string? UsageTerms { get; set; }
}

public static class SyndicationExtensions
{
    public static WebApplicationBuilder AddSyndication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyndicationOptions>().BindConfiguration(SyndicationOptions.Section);
        builder.Services.AddScoped<ArticleSyndication>();
        return builder;
    }
}
