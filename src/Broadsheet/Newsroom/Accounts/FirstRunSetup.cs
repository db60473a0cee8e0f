using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>
/// The one-time set-up link for a newsroom without users. The token lives in this process only: it is printed
/// at start-up, opens <c>/newsroom/setup</c> until the first admin exists, and is never stored.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock gate = new();
    private byte[]? tokenHash;
    private bool claimed;

    /// <summary>True while a set-up token is open (there were no users at start-up and none was created through it yet).</summary>
    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return tokenHash is not null;
            }
        }
    }

    /// <summary>Opens set-up with a fresh random token and returns it.</summary>
    public string Open()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (gate)
        {
            tokenHash = Hash(token);
            claimed = false;
        }
        return token;
    }

    public bool Accepts(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }
        var presented = Hash(token);
        lock (gate)
        {
            return tokenHash is not null && CryptographicOperations.FixedTimeEquals(tokenHash, presented);
        }
    }

    /// <summary>
    /// Reserves the token for one set-up attempt, so two simultaneous submissions cannot both create an admin.
    /// Follow with <see cref="Complete"/> when the admin exists, or <see cref="Release"/> when the attempt failed.
    /// </summary>
    public bool TryClaim(string? token)
    {
        if (!Accepts(token))
        {
            return false;
        }
        lock (gate)
        {
            if (claimed)
            {
                return false;
            }
            claimed = true;
            return true;
        }
    }

    public void Release()
    {
        lock (gate)
        {
            claimed = false;
        }
    }

    public void Complete()
    {
        lock (gate)
        {
            tokenHash = null;
            claimed = false;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>At start-up, when the newsroom has no user yet, says how to create the first admin.</summary>
public sealed partial class FirstRunNotice(
    IServiceScopeFactory scopes,
    FirstRunSetup setup,
    IOptions<BroadsheetOptions> options,
    ILogger<FirstRunNotice> logger) : IHostedService
{
    public const string CreateAdminHint = "No newsroom users yet. Create the first admin: dotnet run --project src/Broadsheet -- user create EMAIL --role Admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        try
        {
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        catch (DbException ex)
        {
            // A hint is not worth failing start-up for: with migrations off the tables may not exist yet.
            CannotCount(logger, ex.Message);
            return;
        }
        var token = setup.Open();
        var link = $"{options.Value.PublicUrl.TrimEnd('/')}/newsroom/setup?token={token}";
        NoUsers(logger, CreateAdminHint, link);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for newsroom users at start-up: {Reason}")]
    private static partial void CannotCount(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Hint}\nOr open this one-time set-up link: {Link}")]
    private static partial void NoUsers(ILogger logger, string hint, string link);
}
