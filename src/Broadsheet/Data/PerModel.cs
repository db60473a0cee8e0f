using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Broadsheet.Data;

/// <summary>
/// An EF compiled query, compiled once per model: a compiled query refuses contexts of any model but the one it
/// was first run with, and SQLite and PostgreSQL contexts have different models (one process runs both in tests).
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> queries = new();

    public TQuery For(DbContext db) => queries.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
