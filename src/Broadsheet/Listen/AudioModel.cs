using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Listen;

public enum AudioStatus
{
    /// <summary>Waiting for a worker, being generated, or waiting to be retried.</summary>
    Pending,
    Ready,

    /// <summary>Gave up after the configured number of attempts.</summary>
    Failed,
}

/// <summary>
/// Audio of one article revision (its script <see cref="Fingerprint"/>) in one voice: the job that makes it and,
/// once <see cref="AudioStatus.Ready"/>, the files it made. The row is the queue: a worker claims it by setting
/// <see cref="ClaimedUntil"/> in one conditional UPDATE, so any number of instances can share the work.
/// </summary>
public sealed class ArticleAudio
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string VoiceId { get; set; }

    /// <summary>The full script fingerprint (64 hex digits); URLs use its first 12.</summary>
    public required string Fingerprint { get; set; }

    public AudioStatus Status { get; set; }

    /// <summary>0 when a listener is waiting for it, 1 for background work: lower runs first.</summary>
    public int Priority { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Not before this time (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The lease of the worker that claimed it; a job whose lease ran out may be claimed again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int DurationMs { get; set; }
    public long Mp3Bytes { get; set; }

    /// <summary>0 until the Opus file is written; it follows the MP3, which alone makes the audio ready.</summary>
    public long OpusBytes { get; set; }

    /// <summary>Milliseconds spent synthesising and encoding the MP3, for the status page and the benchmark.</summary>
    public int GenerationMs { get; set; }

    public string ShortFingerprint => Fingerprint[..12];
}

/// <summary>
/// The script fingerprint last computed for an article at a given <see cref="ArticleVersion"/>, so the worker rebuilds
/// scripts only for articles that changed since.
/// </summary>
public sealed class ArticleScript
{
    public int ArticleId { get; set; }
    public int ArticleVersion { get; set; }
    public required string Fingerprint { get; set; }
    public required string Language { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}

public sealed class ArticleAudioConfiguration : IEntityTypeConfiguration<ArticleAudio>
{
    public void Configure(EntityTypeBuilder<ArticleAudio> e)
    {
        e.ToTable("ArticleAudio");
        e.Property(a => a.VoiceId).HasMaxLength(64);
        e.Property(a => a.Fingerprint).HasMaxLength(64);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.ClaimedBy).HasMaxLength(120);
        e.Property(a => a.LastError).HasMaxLength(2000);
        e.HasIndex(a => new { a.ArticleId, a.VoiceId, a.Fingerprint }).IsUnique();
        e.HasIndex(a => new { a.Status, a.NextAttemptAt });
        e.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(a => a.ShortFingerprint);
    }
}

public sealed class ArticleScriptConfiguration : IEntityTypeConfiguration<ArticleScript>
{
    public void Configure(EntityTypeBuilder<ArticleScript> e)
    {
        e.HasKey(s => s.ArticleId);
        e.Property(s => s.ArticleId).ValueGeneratedNever();
        e.Property(s => s.Fingerprint).HasMaxLength(64);
        e.Property(s => s.Language).HasMaxLength(35);
        e.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
