using System.Security.Cryptography;
using System.Text;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Accounts;

/// <summary>
/// Admin API keys. A key is shown once when created; only its SHA-256 hash is stored, so a leaked database
/// does not leak keys. The configured bootstrap key (<c>Broadsheet:BootstrapApiKey</c>) is accepted too.
/// </summary>
public sealed class ApiKeyStore(BroadsheetDb db, IOptions<BroadsheetOptions> options, TimeProvider clock)
{
    private const string Prefix = "bsk_";

    /// <summary>Creates a key named <paramref name="name"/>; the returned secret is never stored.</summary>
    public async Task<(ApiKey? Key, string? Secret, string? Error)> CreateAsync(string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 120)
        {
            return (null, null, "A key name is 1 to 120 characters.");
        }
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
        {
            return (null, null, $"An active key named '{name}' exists; revoke it first or pick another name.");
        }
        var secret = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey { Name = name, Hash = Hash(secret), CreatedAt = ArticleWriter.Now(clock) };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret, null);
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(ct);

    /// <summary>Revokes every active key with this name; returns how many.</summary>
    public async Task<int> RevokeAsync(string name, CancellationToken ct = default)
    {
        var keys = await db.ApiKeys.Where(k => k.Name == name.Trim() && k.RevokedAt == null).ToListAsync(ct);
        var now = ArticleWriter.Now(clock);
        foreach (var key in keys)
        {
            key.RevokedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return keys.Count;
    }

    /// <summary>The name of the active key <paramref name="secret"/> is, or null.</summary>
    public async Task<string?> VerifyAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }
        var presented = HashBytes(secret);
        if (options.Value.BootstrapApiKey is { Length: > 0 } bootstrap
            && CryptographicOperations.FixedTimeEquals(presented, HashBytes(bootstrap)))
        {
            return "bootstrap";
        }
        // Looking the hash up by index reveals nothing useful through timing: it is the hash of a 256-bit
        // secret. The stored hash is still compared in constant time before the key is trusted.
        var hash = Convert.ToHexStringLower(presented);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        return key is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), Encoding.ASCII.GetBytes(hash))
            ? key.Name
            : null;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(HashBytes(secret));

    private static byte[] HashBytes(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary><c>apikey create NAME</c>, <c>apikey list</c>, <c>apikey revoke NAME</c>: key management from the command line.</summary>
public static class ApiKeyCommand
{
    private const string Usage = "usage: apikey create NAME | apikey list | apikey revoke NAME";

    /// <summary>Runs the command in <paramref name="args"/>: null when the arguments are not an apikey command, else the exit code.</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] != "apikey")
        {
            return null;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        // Migrate only: the server's start-up preparation would also seed demo content into an empty database.
        if (scope.ServiceProvider.GetRequiredService<IOptions<BroadsheetOptions>>().Value.Database.ApplyMigrations)
        {
            await db.Database.MigrateAsync(ct);
        }
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
        switch (args.Length > 1 ? args[1] : null)
        {
            case "create" when args.Length == 3:
                var (key, secret, problem) = await keys.CreateAsync(args[2], ct);
                if (key is null)
                {
                    await error.WriteLineAsync(problem);
                    return 1;
                }
                await output.WriteLineAsync(secret);
                await error.WriteLineAsync($"Created API key '{key.Name}'. It is shown only this once: store it now.");
                return 0;
            case "list" when args.Length == 2:
                foreach (var k in await keys.ListAsync(ct))
                {
                    var state = k.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm}Z" : "active";
                    await output.WriteLineAsync($"{k.Name}\tcreated {k.CreatedAt:yyyy-MM-dd HH:mm}Z\t{state}");
                }
                return 0;
            case "revoke" when args.Length == 3:
                var count = await keys.RevokeAsync(args[2], ct);
                if (count == 0)
                {
                    await error.WriteLineAsync($"No active key named '{args[2]}'.");
                    return 1;
                }
                await output.WriteLineAsync($"Revoked {count} key(s) named '{args[2]}'.");
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
