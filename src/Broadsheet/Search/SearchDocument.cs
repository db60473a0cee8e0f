using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Broadsheet.Search;

/// <summary>
/// A published article as the search index reads it: its text with CJK runs as grams (<see cref="SearchText"/>) and
/// the text-search configuration of its language. One row per published article, kept by <see cref="SearchIndex"/>;
/// PostgreSQL derives a weighted tsvector from it (a generated column with a GIN index), SQLite an FTS5 table
/// (<see cref="SearchSchema"/>).
/// </summary>
public sealed class SearchDocument
{
    public int ArticleId { get; set; }
    public required string Config { get; set; }
    public required string Headline { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }

    /// <summary>The article's first publication, so that a search can take the newest matches from the index alone.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>One match of a search: the article and its relevance (higher is better), read with raw SQL.</summary>
public sealed class SearchMatch
{
    public int ArticleId { get; set; }
    public double Rank { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}

public sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>, IEntityTypeConfiguration<SearchMatch>
{
    public void Configure(EntityTypeBuilder<SearchDocument> e)
    {
        e.HasKey(d => d.ArticleId);
        e.Property(d => d.ArticleId).ValueGeneratedNever();
        e.Property(d => d.Config).HasMaxLength(32);
        e.HasIndex(d => d.PublishedAt);
        // Deleting an article deletes its document with it, whichever way the article goes.
        e.HasOne<Article>().WithOne().HasForeignKey<SearchDocument>(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SearchMatch> e) => e.HasNoKey().ToView(null);

    /// <summary>PostgreSQL's part of the model: the weighted tsvector, generated from the row, and its GIN index.</summary>
    public static void ConfigurePostgres(ModelBuilder b)
    {
        var document = b.Entity<SearchDocument>();
        document.Property<NpgsqlTsVector>("Vector").HasComputedColumnSql(SearchLanguages.VectorSql(), stored: true);
        document.HasIndex("Vector").HasMethod("GIN");
    }
}
