using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Broadsheet.Ads;

/// <summary>Every page with an ad slot carries the ads tag, and the site snapshot holds the creatives.</summary>
public sealed class AdPages : IContentTagRule
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is AdCreative ? ChangedKeys.Of(entry, nameof(AdCreative.Id)) : [];

    public Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        tags.Add([CacheTags.Ads]);
        return Task.CompletedTask;
    }
}
