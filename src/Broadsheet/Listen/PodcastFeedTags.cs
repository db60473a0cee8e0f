using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Broadsheet.Listen;

/// <summary>
/// The podcast feeds list articles whose default-voice audio is ready, so such audio evicts them; responses only (no
/// snapshot holds audio), so a newsroom making audio all day neither rebuilds snapshots nor stops pages being cached.
/// The article page's player asks for its audio itself.
/// </summary>
public sealed class PodcastFeedTags(SpeechVoices voices) : IContentTagRule
{
    public IEnumerable<object> KeysOf(EntityEntry entry, EntityState state) =>
        entry.Entity is ArticleAudio ? ChangedKeys.Of(entry, nameof(ArticleAudio.Id)) : [];

    public async Task CollectAsync(BroadsheetDb db, IReadOnlyCollection<object> keys, ContentTags tags, CancellationToken ct)
    {
        var ids = keys.Cast<int>().ToList();
        var ready = await db.ArticleAudio.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Status == AudioStatus.Ready)
            .Join(db.Articles, a => a.ArticleId, article => article.Id, (a, article) => new { a.VoiceId, article.Language })
            .ToListAsync(ct);
        var catalog = voices.Current;
        if (ready.Any(a => catalog.DefaultFor(a.Language)?.Id == a.VoiceId))
        {
            tags.Responses.Add(CacheTags.Feeds);
        }
    }
}
