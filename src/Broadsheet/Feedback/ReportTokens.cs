using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Feedback;

public enum TokenCheck
{
    Valid,

    /// <summary>Sent sooner after the page was made than a person reads and types: a script, most likely.</summary>
    TooFast,

    /// <summary>The page is older than a token lives: the form is shown again with a fresh one.</summary>
    Expired,

    /// <summary>Missing, altered, or made for another article.</summary>
    Invalid,
}

/// <summary>
/// The error-report form's spam check without cookies or a third party: the article page carries a token that signs
/// its article id and the time the page was made (ASP.NET Core Data Protection, so every instance sharing the key ring
/// checks it). A report must arrive at least <see cref="MinAge"/> and at most <see cref="MaxAge"/> after that. The token
/// is the same for every reader of a cached page, so the page stays cacheable and carries nothing per visitor.
/// </summary>
public sealed class ReportTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private readonly IDataProtector protector = protection.CreateProtector("Broadsheet.Feedback.ErrorReportToken.v1");

    public string Issue(int articleId) => Issue(articleId, clock.GetUtcNow());

    /// <summary>A token as a page made at <paramref name="madeAt"/> carries it.</summary>
    public string Issue(int articleId, DateTimeOffset madeAt) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{articleId}|{madeAt.ToUnixTimeSeconds()}"));

    public TokenCheck Check(string? token, int articleId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return TokenCheck.Invalid;
        }
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return TokenCheck.Invalid;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || parts[0] != articleId.ToString(CultureInfo.InvariantCulture)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TokenCheck.Invalid;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age < MinAge ? TokenCheck.TooFast : age > MaxAge ? TokenCheck.Expired : TokenCheck.Valid;
    }
}
