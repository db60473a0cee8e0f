using Broadsheet.Ingest;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Ingest;

/// <summary>The assembly's shared app per provider, for the wire desk's tests.</summary>
public sealed class IngestApps(SharedApps shared) : SharedProviderApps(shared);

internal static class Wire
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static WireItem Item(string id, int version = 1, string headline = "Harbour reopens after storm") => new()
    {
        ItemId = id,
        Version = version,
        Format = WireFormat.Ninjs,
        Headline = headline,
        Summary = "Ferries run again.",
        BodyHtml = $"<p>The harbour reopened on Monday (version {version}).</p><p>Ferries ran at noon.</p>",
        Dateline = "PORTSMOUTH",
        Subjects = [new WireSubject("medtop:04000000", "Economy")],
        Urgency = 3,
    };

    public static WireParse Parse(params WireItem[] items) => new(WireFormat.Ninjs, [.. items.Select(i => new WireParsedItem(i, i.ItemId, i.Version))]);

    public static Task<WireReceipt> ReceiveAsync(this WireDesk desk, string source, params WireItem[] items) =>
        desk.ReceiveAsync(new WireDelivery([.. "{}"u8], "application/json", "test", source), Parse(items), Ct);

    /// <summary>A source of its own (a unique name), with a section of its own, saved through the rules' writer.</summary>
    public static async Task<(string Source, string Section)> SourceAsync(BroadsheetApp app, bool autoPublish = true, bool withSection = true)
    {
        var source = Api.Api.Unique("Agency");
        var section = Api.Api.Unique("wire");
        using var admin = app.AdminClient();
        await admin.PutSectionAsync(section, "Wire");
        await SaveRulesAsync(app, new WireSourceInput { Name = source, Section = withSection ? section : null, AutoPublish = autoPublish });
        return (source, section);
    }

    public static async Task SaveRulesAsync(BroadsheetApp app, WireSourceInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<WireSourceRules>().SaveAsync(input, Ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    public static WireDesk Desk(this BroadsheetApp app) => app.Services.GetRequiredService<WireDesk>();

    public static WireOutcome Single(this WireReceipt receipt)
    {
        Assert.Null(receipt.NotAnItem);
        return Assert.Single(receipt.Items);
    }
}
