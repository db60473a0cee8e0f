using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>
/// Failed passwords counted per account and client address, before any per-account lockout: someone who knows a
/// colleague's email address can shut out only their own address, not the colleague. Only when failures for one
/// account from all addresses together pass <see cref="RateLimitOptions.SignInFailuresPerAccount"/> is the account
/// itself locked. Counts live in this process (a newsroom signs in on few instances; each counts its own).
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failures> byAddress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> byAccount = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.SignInLockoutMinutes);

    /// <summary>Whether <paramref name="address"/> has had too many wrong passwords for <paramref name="userId"/> lately.</summary>
    public bool IsBlocked(string userId, string address) =>
        byAddress.TryGetValue(Key(userId, address), out var failures) && failures.CountSince(clock.GetUtcNow() - Window) >= options.Value.SignInFailuresPerAddress;

    /// <summary>Counts a wrong password; true when the account's failures from all addresses now call for locking it.</summary>
    public bool Fail(string userId, string address)
    {
        var now = clock.GetUtcNow();
        if (byAddress.Count > 100_000)
        {
            Prune(byAddress, now - Window);
            Prune(byAccount, now - Window);
        }
        byAddress.GetOrAdd(Key(userId, address), _ => new Failures()).Add(now);
        var account = byAccount.GetOrAdd(userId, _ => new Failures());
        account.Add(now);
        return account.CountSince(now - Window) >= options.Value.SignInFailuresPerAccount;
    }

    public void Succeeded(string userId, string address)
    {
        byAddress.TryRemove(Key(userId, address), out _);
        byAccount.TryRemove(userId, out _);
    }

    /// <summary>Forgets every failure counted for the account, as an admin's unlock or a new password does.</summary>
    public void Clear(string userId)
    {
        byAccount.TryRemove(userId, out _);
        foreach (var key in byAddress.Keys.Where(k => k.StartsWith(userId + "|", StringComparison.Ordinal)))
        {
            byAddress.TryRemove(key, out _);
        }
    }

    private static string Key(string userId, string address) => userId + "|" + address;

    private static void Prune(ConcurrentDictionary<string, Failures> failures, DateTimeOffset since)
    {
        foreach (var (key, value) in failures)
        {
            if (value.CountSince(since) == 0)
            {
                failures.TryRemove(key, out _);
            }
        }
    }

    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> times = new();

        public void Add(DateTimeOffset at)
        {
            lock (times)
            {
                times.Enqueue(at);
                while (times.Count > 1000)
                {
                    times.Dequeue();
                }
            }
        }

        public int CountSince(DateTimeOffset since)
        {
            lock (times)
            {
                while (times.Count > 0 && times.Peek() < since)
                {
                    times.Dequeue();
                }
                return times.Count;
            }
        }
    }
}
