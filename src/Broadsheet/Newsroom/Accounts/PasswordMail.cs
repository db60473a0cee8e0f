using System.Collections.Concurrent;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>
/// "Forgot password?": an email with a one-time link (<see cref="PasswordLinks"/>, the same link and protections as an
/// admin's reset) to the account that uses an address, if one does. The form only queues the address; looking the
/// account up and sending happen here in the background, so the answer takes the same time whether or not the address
/// has an account.
/// </summary>
public sealed class PasswordMail(
    IServiceScopeFactory scopes, SmtpMail smtp, IOptions<MailOptions> mail, IOptions<BroadsheetOptions> broadsheet, TimeProvider clock, ILogger<PasswordMail> logger)
    : MailQueue<string>(logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSent = new(StringComparer.Ordinal);

    public override bool IsEnabled => mail.Value.IsConfigured;

    /// <summary>Queues a reset email for the account using <paramref name="email"/>; false when mail is not configured.</summary>
    public bool Request(string email) => Enqueue(email.Trim());

    protected override string FailureMessage => "Could not send a password reset email";

    protected override async Task SendAsync(string email, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        if (await users.FindByEmailAsync(email) is not { DisabledAt: null, Email: { } address } user)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var gap = TimeSpan.FromMinutes(mail.Value.ResetMailGapMinutes);
        if (lastSent.TryGetValue(user.Id, out var previous) && now - previous < gap)
        {
            logger.LogInformation("A password reset email for user {UserId} was asked for again within {Gap}: not sent", user.Id, gap);
            return;
        }
        lastSent[user.Id] = now;
        foreach (var (id, at) in lastSent)
        {
            if (now - at >= gap)
            {
                lastSent.TryRemove(id, out _);
            }
        }
        var link = await PasswordLinks.CreateAsync(users, user, broadsheet.Value.PublicUrl);
        var message = new MimeMessage
        {
            Subject = "Choose a new password for the newsroom",
            Body = new TextPart("plain") { Text = Text(user.DisplayName, link) },
        };
        message.To.Add(new MailboxAddress(user.DisplayName, address));
        await smtp.SendAsync(message, ct);
        logger.LogInformation("Sent a password reset email to user {UserId}", user.Id);
    }

    /// <summary>The email's text: the link, how long it works, and what to do when the reader did not ask.</summary>
    public static string Text(string name, string link) =>
        $"""
        Hello {name},

        Someone, probably you, asked to choose a new password for your newsroom account. Open this link to choose one:

        {link}

        The link works once, for {PasswordLinks.Lifetime.TotalDays:0} days. If you did not ask, ignore this email: your password stays as it is.
        """;
}
