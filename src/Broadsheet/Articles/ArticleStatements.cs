using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using Broadsheet.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Articles;

/// <summary>
/// The article page's read (<see cref="PublishedArticles.FindAsync"/>): one published article with its section, hero
/// image, topics, byline (with portraits) and notes, as four statements in one command, kept prepared.
/// <para>
/// An uncached article page spent about 40% of its CPU in this one read through EF Core: SQLite compiling the statement
/// anew on every request (Microsoft.Data.Sqlite keeps no prepared statement once a command is disposed or its connection
/// closed, and EF creates both per query) and EF's shaper for a four-way join. So on SQLite the command lives on a
/// connection of its own, kept open and prepared, rented by one request at a time; on PostgreSQL the command runs on
/// the context's connection and is prepared on the server once per physical connection (Npgsql keeps explicitly
/// prepared statements across pooled opens).
/// </para>
/// <para>
/// The columns, their names and their conversions come from the EF model (the same value converters EF applies: UTC
/// ticks, enums as text), so the entities are those EF would have built; the JSON columns are read by
/// <see cref="StoredJson"/>, which answers as the serializer does. Only mapped CLR properties are set. The statements'
/// order (topics and byline by position, notes by time, each then by key) is the EF query's.
/// </para>
/// </summary>
public sealed class ArticleStatements : IDisposable
{
    /// <summary>
    /// Open SQLite connections kept: one per render reading at the same moment, which the thread pool bounds (SQLite's
    /// async calls run synchronously). A connection opened past this is closed after its read, and each such read pays
    /// for opening a connection, loading the schema and compiling the statements, so the bound sits well above what a
    /// loaded two-core server runs at once. Each has its own page cache, as every connection of the app does.
    /// </summary>
    private const int KeptConnections = 64;

    private readonly ConcurrentDictionary<IModel, Plan> plans = new();
    private readonly ConcurrentBag<SqliteLease> idle = [];
    private readonly bool keepConnections;
    private bool disposed;

    public ArticleStatements()
        : this(keepConnections: true)
    {
    }

    private ArticleStatements(bool keepConnections)
    {
        this.keepConnections = keepConnections;
    }

    /// <summary>For a <see cref="PublishedArticles"/> made outside the container: every read on the context's connection, none kept open.</summary>
    internal static ArticleStatements OnContextConnection { get; } = new(keepConnections: false);

    /// <summary>The article <paramref name="id"/> when published by <paramref name="now"/>, with everything its page shows; null otherwise.</summary>
    public async Task<Article?> FindAsync(BroadsheetDb db, int id, DateTimeOffset now, CancellationToken ct)
    {
        var plan = plans.GetOrAdd(db.Model, static (model, db) => new Plan(model, db.GetService<ISqlGenerationHelper>()), db);
        // Inside a transaction the read belongs on the transaction's connection: it must see the transaction's writes,
        // which another connection cannot see before the commit.
        if (keepConnections && db.Database.CurrentTransaction is null && db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            var lease = Rent(plan, sqlite.ConnectionString);
            try
            {
                plan.Bind(lease.Command.Parameters, id, now);
                await using var reader = await lease.Command.ExecuteReaderAsync(ct);
                return await plan.ReadAsync(reader, ct);
            }
            finally
            {
                Return(lease);
            }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (connection.CanCreateBatch)
            {
                await using var batch = plan.CreateBatch(connection);
                batch.Transaction = transaction;
                await batch.PrepareAsync(ct);
                plan.Bind(batch, id, now);
                await using var batchReader = await batch.ExecuteReaderAsync(ct);
                return await plan.ReadAsync(batchReader, ct);
            }
            await using var command = plan.CreateCommand(connection);
            command.Transaction = transaction;
            await command.PrepareAsync(ct);
            plan.Bind(command.Parameters, id, now);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await plan.ReadAsync(reader, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private SqliteLease Rent(Plan plan, string connectionString)
    {
        while (idle.TryTake(out var lease))
        {
            if (lease.Plan == plan && lease.ConnectionString == connectionString)
            {
                return lease;
            }
            lease.Dispose();
        }
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var command = (SqliteCommand)plan.CreateCommand(connection);
        command.Prepare();
        return new SqliteLease(plan, connectionString, connection, command);
    }

    private void Return(SqliteLease lease)
    {
        if (Volatile.Read(ref disposed) || idle.Count >= KeptConnections)
        {
            lease.Dispose();
            return;
        }
        idle.Add(lease);
        if (Volatile.Read(ref disposed) && idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref disposed, true);
        while (idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    private sealed record SqliteLease(Plan Plan, string ConnectionString, SqliteConnection Connection, SqliteCommand Command) : IDisposable
    {
        public void Dispose()
        {
            Command.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>The statements and column readers for one EF model (SQLite's and PostgreSQL's differ in conversions).</summary>
    private sealed class Plan
    {
        private readonly EntityColumns article;
        private readonly EntityColumns section;
        private readonly EntityColumns image;
        private readonly EntityColumns articleTopic;
        private readonly EntityColumns topic;
        private readonly EntityColumns bylineEntry;
        private readonly EntityColumns contributor;
        private readonly EntityColumns note;
        private readonly ValueConverter? nowConverter;
        private readonly object published;
        private readonly string sql;
        private readonly string[] statements;

        public Plan(IModel model, ISqlGenerationHelper sqlHelper)
        {
            EntityColumns Of<T>() => new(model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."), sqlHelper);
            article = Of<Article>();
            section = Of<Section>();
            image = Of<Media.Image>();
            articleTopic = Of<ArticleTopic>();
            topic = Of<Topic>();
            bylineEntry = Of<BylineEntry>();
            contributor = Of<Contributor>();
            note = Of<ArticleNote>();
            var status = article.Property(nameof(Article.Status));
            published = status.GetTypeMapping().Converter?.ConvertToProvider(ArticleStatus.Published) ?? ArticleStatus.Published;
            nowConverter = article.Property(nameof(Article.FirstPublishedAt)).GetTypeMapping().Converter;

            string C(EntityColumns e, string alias, string property) => $"{alias}.{e.Column(property)}";
            var text = new StringBuilder();
            text.Append("SELECT ").Append(article.SelectList("a")).Append(", ").Append(section.SelectList("s")).Append(", ").Append(image.SelectList("h"))
                .Append(" FROM ").Append(article.Table).Append(" AS a")
                .Append(" INNER JOIN ").Append(section.Table).Append(" AS s ON ").Append(C(section, "s", nameof(Section.Id))).Append(" = ").Append(C(article, "a", nameof(Article.SectionId)))
                .Append(" LEFT JOIN ").Append(image.Table).Append(" AS h ON ").Append(C(image, "h", nameof(Media.Image.Id))).Append(" = ").Append(C(article, "a", nameof(Article.HeroImageId)))
                .Append(" WHERE ").Append(C(article, "a", nameof(Article.Id))).Append(" = @id AND ").Append(C(article, "a", nameof(Article.Status))).Append(" = @published AND ")
                .Append(C(article, "a", nameof(Article.FirstPublishedAt))).Append(" <= @now;\n");
            text.Append("SELECT ").Append(articleTopic.SelectList("t")).Append(", ").Append(topic.SelectList("p"))
                .Append(" FROM ").Append(articleTopic.Table).Append(" AS t")
                .Append(" INNER JOIN ").Append(topic.Table).Append(" AS p ON ").Append(C(topic, "p", nameof(Topic.Id))).Append(" = ").Append(C(articleTopic, "t", nameof(ArticleTopic.TopicId)))
                .Append(" WHERE ").Append(C(articleTopic, "t", nameof(ArticleTopic.ArticleId))).Append(" = @id")
                .Append(" ORDER BY ").Append(C(articleTopic, "t", nameof(ArticleTopic.Position))).Append(", ").Append(articleTopic.KeyList("t")).Append(";\n");
            text.Append("SELECT ").Append(bylineEntry.SelectList("b")).Append(", ").Append(contributor.SelectList("c")).Append(", ").Append(image.SelectList("f"))
                .Append(" FROM ").Append(bylineEntry.Table).Append(" AS b")
                .Append(" INNER JOIN ").Append(contributor.Table).Append(" AS c ON ").Append(C(contributor, "c", nameof(Contributor.Id))).Append(" = ").Append(C(bylineEntry, "b", nameof(BylineEntry.ContributorId)))
                .Append(" LEFT JOIN ").Append(image.Table).Append(" AS f ON ").Append(C(image, "f", nameof(Media.Image.Id))).Append(" = ").Append(C(contributor, "c", nameof(Contributor.PhotoId)))
                .Append(" WHERE ").Append(C(bylineEntry, "b", nameof(BylineEntry.ArticleId))).Append(" = @id")
                .Append(" ORDER BY ").Append(C(bylineEntry, "b", nameof(BylineEntry.Position))).Append(", ").Append(bylineEntry.KeyList("b")).Append(";\n");
            text.Append("SELECT ").Append(note.SelectList("n"))
                .Append(" FROM ").Append(note.Table).Append(" AS n")
                .Append(" WHERE ").Append(C(note, "n", nameof(ArticleNote.ArticleId))).Append(" = @id")
                .Append(" ORDER BY ").Append(C(note, "n", nameof(ArticleNote.At))).Append(", ").Append(note.KeyList("n")).Append(';');
            sql = text.ToString();
            // For a batch (PostgreSQL): each statement alone, with positional parameters, which Npgsql sends as they are
            // instead of parsing the text on every execution to split it and rename its parameters.
            statements = [.. sql.Split(";\n").Select(statement => statement.TrimEnd(';')
                .Replace("@published", "$2", StringComparison.Ordinal).Replace("@now", "$3", StringComparison.Ordinal).Replace("@id", "$1", StringComparison.Ordinal))];
        }

        public DbCommand CreateCommand(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@id", 0);
            Add(command, "@published", published);
            Add(command, "@now", nowConverter?.ConvertToProvider(DateTimeOffset.UnixEpoch) ?? DateTimeOffset.UnixEpoch);
            return command;
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        /// <summary>The four statements as a batch, the first with the id, status and time, the others with the id, positionally.</summary>
        public DbBatch CreateBatch(DbConnection connection)
        {
            var batch = connection.CreateBatch();
            for (var i = 0; i < statements.Length; i++)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = statements[i];
                statement.Parameters.Add(Positional(statement, 0));
                if (i == 0)
                {
                    statement.Parameters.Add(Positional(statement, published));
                    statement.Parameters.Add(Positional(statement, nowConverter?.ConvertToProvider(DateTimeOffset.UnixEpoch) ?? DateTimeOffset.UnixEpoch));
                }
                batch.BatchCommands.Add(statement);
            }
            return batch;
        }

        private static DbParameter Positional(DbBatchCommand statement, object value)
        {
            var parameter = statement.CreateParameter();
            parameter.Value = value;
            return parameter;
        }

        /// <summary>The id in each statement, and the time in the article's.</summary>
        public void Bind(DbBatch batch, int id, DateTimeOffset now)
        {
            Bind(batch.BatchCommands[0].Parameters, id, now);
            for (var i = 1; i < batch.BatchCommands.Count; i++)
            {
                batch.BatchCommands[i].Parameters[0].Value = id;
            }
        }

        /// <summary>The id, then (for the article's statement) the time; the status is fixed.</summary>
        public void Bind(DbParameterCollection parameters, int id, DateTimeOffset now)
        {
            parameters[0].Value = id;
            parameters[2].Value = nowConverter?.ConvertToProvider(now) ?? now;
        }

        public async Task<Article?> ReadAsync(DbDataReader reader, CancellationToken ct)
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }
            var result = (Article)article.Read(reader, 0)!;
            var offset = article.Count;
            result.Section = (Section)section.Read(reader, offset)!;
            offset += section.Count;
            result.HeroImage = (Media.Image?)image.Read(reader, offset);

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var entry = (ArticleTopic)articleTopic.Read(reader, 0)!;
                entry.Topic = (Topic)topic.Read(reader, articleTopic.Count)!;
                result.Topics.Add(entry);
            }
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var entry = (BylineEntry)bylineEntry.Read(reader, 0)!;
                var person = (Contributor)contributor.Read(reader, bylineEntry.Count)!;
                person.Photo = (Media.Image?)image.Read(reader, bylineEntry.Count + contributor.Count);
                entry.Contributor = person;
                result.Byline.Add(entry);
            }
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Notes.Add((ArticleNote)note.Read(reader, 0)!);
            }
            return result;
        }
    }

    /// <summary>One entity type's mapped columns, in a fixed order, with one compiled reader for the whole row.</summary>
    private sealed class EntityColumns
    {
        private static readonly System.Reflection.MethodInfo IsDBNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;
        private static readonly System.Reflection.MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue), [typeof(int)])!;

        private readonly IEntityType type;
        private readonly ISqlGenerationHelper sqlHelper;
        private readonly StoreObjectIdentifier table;
        private readonly IProperty[] properties;
        private readonly Func<DbDataReader, int, object?> read;

        public EntityColumns(IEntityType type, ISqlGenerationHelper sqlHelper)
        {
            this.type = type;
            this.sqlHelper = sqlHelper;
            table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            Table = sqlHelper.DelimitIdentifier(table.Name, table.Schema);
            // Shadow properties have no member to set; every property the entity class declares is read.
            properties = [.. type.GetProperties().Where(p => !p.IsShadowProperty())];
            read = CompileReader();
        }

        public string Table { get; }

        public int Count => properties.Length;

        public IProperty Property(string name) => type.FindProperty(name)!;

        public string Column(string property) => sqlHelper.DelimitIdentifier(Property(property).GetColumnName(table)!);

        public string SelectList(string alias) => string.Join(", ", properties.Select(p => $"{alias}.{sqlHelper.DelimitIdentifier(p.GetColumnName(table)!)}"));

        public string KeyList(string alias) => string.Join(", ", type.FindPrimaryKey()!.Properties.Select(p => $"{alias}.{sqlHelper.DelimitIdentifier(p.GetColumnName(table)!)}"));

        /// <summary>The entity whose columns start at <paramref name="offset"/>; null when its key is null (an outer join's missing row).</summary>
        public object? Read(DbDataReader reader, int offset) => read(reader, offset);

        /// <summary>
        /// <c>(reader, offset) =&gt; key is null ? null : new T { P0 = convert(reader.GetFieldValue&lt;S0&gt;(offset)), ... }</c>, compiled
        /// once: one typed read per column, no boxing, the model's converters inlined as EF's shaper inlines them, and a null
        /// test only for the columns that can hold one (the key's column is tested first, for an outer join's missing row).
        /// </summary>
        private Func<DbDataReader, int, object?> CompileReader()
        {
            var reader = Expression.Parameter(typeof(DbDataReader), "reader");
            var offset = Expression.Parameter(typeof(int), "offset");
            var entity = Expression.Variable(type.ClrType, "entity");
            Expression Ordinal(int i) => Expression.Add(offset, Expression.Constant(i));
            var key = Array.IndexOf(properties, type.FindPrimaryKey()!.Properties[0]);
            var body = new List<Expression> { Expression.Assign(entity, Expression.New(type.ClrType)) };
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                var value = Value(property, reader, Ordinal(i));
                MemberExpression member = property.PropertyInfo is { SetMethod: not null } info
                    ? Expression.Property(entity, info)
                    : Expression.Field(entity, property.FieldInfo ?? throw new InvalidOperationException($"{type.ClrType.Name}.{property.Name} cannot be set."));
                Expression assign = Expression.Assign(member, Expression.Convert(value, member.Type));
                if (i != key && (property.IsColumnNullable(table) || property.IsNullable))
                {
                    assign = Expression.IfThenElse(
                        Expression.Call(reader, IsDBNull, Ordinal(i)), Expression.Assign(member, Expression.Default(member.Type)), assign);
                }
                body.Add(assign);
            }
            body.Add(Expression.Convert(entity, typeof(object)));
            var whole = Expression.Condition(
                Expression.Call(reader, IsDBNull, Ordinal(key)),
                Expression.Constant(null, typeof(object)),
                Expression.Block(typeof(object), [entity], body));
            return Expression.Lambda<Func<DbDataReader, int, object?>>(whole, reader, offset).Compile();
        }

        /// <summary>The column's value as the property's type: the provider's value through the model's converter, if any.</summary>
        private static Expression Value(IProperty property, ParameterExpression reader, Expression ordinal)
        {
            var converter = property.GetTypeMapping().Converter;
            var provider = converter?.ProviderClrType ?? property.ClrType;
            provider = Nullable.GetUnderlyingType(provider) ?? provider;
            var stored = provider.IsEnum ? Enum.GetUnderlyingType(provider) : provider;
            Expression value = Expression.Call(reader, GetFieldValue.MakeGenericMethod(stored), ordinal);
            if (stored != provider)
            {
                value = Expression.Convert(value, provider);
            }
            // The JSON columns (body, summary, renditions) through readers written for their stored shape; the rest
            // through the model's converters.
            if (converter?.ProviderClrType == typeof(string) && StoredJson.ReaderFor(property.ClrType) is { } json)
            {
                return Expression.Convert(Expression.Invoke(Expression.Constant(json), value), property.ClrType);
            }
            if (converter is not null)
            {
                var convert = converter.ConvertFromProviderExpression;
                var input = convert.Parameters[0].Type;
                return Expression.Invoke(convert, value.Type == input ? value : Expression.Convert(value, input));
            }
            return value;
        }
    }
}
