using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Broadsheet.Accounts;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Broadsheet.Newsroom.Accounts;

public enum MailSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// The SMTP server the newsroom sends its mail through (<c>Broadsheet:Mail</c>). Without a <see cref="Host"/> nothing is
/// sent and "Forgot password?" is not offered: only an admin can then issue a reset link.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Broadsheet:Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>Sign in to the server with these when given.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>newsroom@example.com</c> or <c>The Daily Meridian &lt;newsroom@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The least time between two reset emails to one account, so the form cannot be used to flood someone's inbox.</summary>
    [Range(0, 1440)]
    public int ResetMailGapMinutes { get; set; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public bool IsValid => !IsConfigured || (From is not null && IsMailbox(From));

    // Not inlined: validating the options at every start then loads the mail library only when mail is configured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsMailbox(string address) => MailboxAddress.TryParse(address, out _);
}

/// <summary>
/// "Forgot password?": an email with a one-time link (<see cref="PasswordLinks"/>, the same link and protections as an
/// admin's reset) to the account that uses an address, if one does. The form only queues the address; looking the
/// account up and sending happen here in the background, so the answer takes the same time whether or not the address
/// has an account, and a slow mail server never holds a request.
/// </summary>
public sealed class PasswordMail(
    IServiceScopeFactory scopes, IOptions<MailOptions> mail, IOptions<BroadsheetOptions> broadsheet, TimeProvider clock, ILogger<PasswordMail> logger)
    : BackgroundService
{
    // Bounded, dropping what does not fit: a flood of requests costs memory no more than this.
    private readonly Channel<string> queue = Channel.CreateBounded<string>(new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSent = new(StringComparer.Ordinal);

    public bool IsEnabled => mail.Value.IsConfigured;

    /// <summary>Queues a reset email for the account using <paramref name="email"/>; false when mail is not configured.</summary>
    public bool Request(string email) => IsEnabled && queue.Writer.TryWrite(email.Trim());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled)
        {
            return;
        }
        await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendResetAsync(email, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send a password reset email");
            }
        }
    }

    private async Task SendResetAsync(string email, CancellationToken ct)
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
        message.From.Add(MailboxAddress.Parse(mail.Value.From!));
        message.To.Add(new MailboxAddress(user.DisplayName, address));
        await SendAsync(message, ct);
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

    private async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var options = mail.Value;
        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        await smtp.ConnectAsync(options.Host!, options.Port, options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        }, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
