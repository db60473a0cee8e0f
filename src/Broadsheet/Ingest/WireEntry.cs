using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Ingest;

/// <summary>What became of one item version; <c>WireOutcome</c>'s status names in lower case.</summary>
public enum WireStatus
{
    Created,
    Updated,
    Duplicate,
    Killed,
    Held,
    Quarantined,
}

/// <summary>One delivery exactly as it arrived (push body, dropped file, polled feed), kept so nothing is lost.</summary>
public sealed class WireArrival
{
    public long Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>push, folder or poll (whatever the door says).</summary>
    public required string Origin { get; set; }
    public string? Source { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public WireFormat? Format { get; set; }
    public required byte[] Body { get; set; }

    /// <summary>Why the delivery as a whole is not wire copy (quarantined whole), else null.</summary>
    public string? Refusal { get; set; }
}

/// <summary>
/// One item version as the desk handled it: the queue's row. <see cref="ItemJson"/> keeps the parsed item, so an
/// embargoed or held item is processed later, and a quarantined one retried after a rule change, without parsing again.
/// </summary>
public sealed class WireEntry
{
    public long Id { get; set; }
    public long ArrivalId { get; set; }
    public WireArrival? Arrival { get; set; }
    public required string Source { get; set; }

    /// <summary>The agency's guid; null when a refused item had none.</summary>
    public string? ItemId { get; set; }
    public int? Version { get; set; }
    public WireFormat? Format { get; set; }
    public WireStatus Status { get; set; }
    public string? Reason { get; set; }
    public int? Urgency { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? EmbargoedUntil { get; set; }
    public string? Headline { get; set; }
    public int? ArticleId { get; set; }
    public string? ItemJson { get; set; }

    /// <summary>
    /// The key that makes a version arrive once: (source, item id, version), or null for items that have no id (a
    /// duplicate delivery is answered from the first entry and stores no second one).
    /// </summary>
    public string? VersionKey { get; set; }
}

/// <summary>One agency story across its versions: the article it became and the highest version applied.</summary>
public sealed class WireStory
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ItemId { get; set; }
    public int? ArticleId { get; set; }
    public int Version { get; set; }

    /// <summary>The agency killed the story; the reader's page says so (410).</summary>
    public string? KillNotice { get; set; }
}

/// <summary>A source's rules as the newsroom edits them (seeded from <see cref="WireSourceOptions"/>).</summary>
public sealed class WireSource
{
    public const int MaxName = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Section { get; set; }
    public Dictionary<string, string> SubjectSections { get; set; } = [];
    public string? Byline { get; set; }
    public bool AutoPublish { get; set; }
    public string? Language { get; set; }
    public string? ApiKey { get; set; }
}

public sealed class WireConfigurations :
    IEntityTypeConfiguration<WireArrival>, IEntityTypeConfiguration<WireEntry>, IEntityTypeConfiguration<WireStory>, IEntityTypeConfiguration<WireSource>
{
    public void Configure(EntityTypeBuilder<WireArrival> e)
    {
        e.Property(a => a.Origin).HasMaxLength(20);
        e.Property(a => a.Source).HasMaxLength(WireSource.MaxName);
        e.Property(a => a.FileName).HasMaxLength(500);
        e.Property(a => a.ContentType).HasMaxLength(200);
        e.Property(a => a.Format).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(a => a.ReceivedAt);
    }

    public void Configure(EntityTypeBuilder<WireEntry> e)
    {
        e.Property(w => w.Source).HasMaxLength(WireSource.MaxName);
        e.Property(w => w.ItemId).HasMaxLength(500);
        e.Property(w => w.Format).HasConversion<string>().HasMaxLength(20);
        e.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(w => w.Headline).HasMaxLength(500);
        e.Property(w => w.VersionKey).HasMaxLength(700);
        e.HasOne(w => w.Arrival).WithMany().HasForeignKey(w => w.ArrivalId).OnDelete(DeleteBehavior.Cascade);
        // Two deliveries of one version at once: the second insert fails here, and its delivery answers "duplicate".
        e.HasIndex(w => w.VersionKey).IsUnique();
        e.HasIndex(w => new { w.Source, w.ItemId });
        e.HasIndex(w => w.ReceivedAt);
        e.HasIndex(w => new { w.Status, w.EmbargoedUntil });
    }

    public void Configure(EntityTypeBuilder<WireStory> e)
    {
        e.Property(s => s.Source).HasMaxLength(WireSource.MaxName);
        e.Property(s => s.ItemId).HasMaxLength(500);
        e.Property(s => s.KillNotice).HasMaxLength(2000);
        // One article per story, whatever races: the loser of two first versions retries and finds the winner's story.
        e.HasIndex(s => new { s.Source, s.ItemId }).IsUnique();
        e.HasIndex(s => s.ArticleId);
    }

    public void Configure(EntityTypeBuilder<WireSource> e)
    {
        e.Property(s => s.Name).HasMaxLength(WireSource.MaxName);
        e.HasIndex(s => s.Name).IsUnique();
        e.Property(s => s.Section).HasMaxLength(200);
        e.Property(s => s.Byline).HasMaxLength(120);
        e.Property(s => s.Language).HasMaxLength(35);
        e.Property(s => s.ApiKey).HasMaxLength(200);
        e.Property(s => s.SubjectSections).HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>());
    }
}
