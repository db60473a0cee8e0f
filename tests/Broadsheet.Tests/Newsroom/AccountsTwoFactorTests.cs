using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Newsroom;

/// <summary>TOTP two-factor sign-in end to end, with codes computed here from the key the page shows (RFC 6238).</summary>
[Collection(NewsroomCollection.Name)]
public sealed partial class AccountsTwoFactorTests(NewsroomApps apps) : IClassFixture<NewsroomApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => NewsroomApps.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Turning_on_two_factor_then_signing_in_with_a_code_and_with_a_recovery_code(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var editor = await NewsroomSession.SignInAsync(app, NewsroomRoles.Editor, Ct);

        var setupPage = await editor.GetPageAsync("/newsroom/account/two-factor", Ct);
        Assert.Contains("<svg class=\"qr\"", setupPage, StringComparison.Ordinal);
        Assert.Contains("<title id=\"qr-title\">", setupPage, StringComparison.Ordinal);
        var key = KeyOnPage().Match(setupPage).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);

        using (var wrong = await editor.PostFormAsync("/newsroom/account/two-factor?handler=Enable", [new("Input.Code", WrongCode(key))], ct: Ct))
        {
            var html = await wrong.Content.ReadAsStringAsync(Ct);
            Assert.Contains("href=\"#Input_Code\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("recovery-codes", html, StringComparison.Ordinal);
        }
        List<string> recoveryCodes;
        using (var enabled = await editor.PostFormAsync("/newsroom/account/two-factor?handler=Enable", [new("Input.Code", Totp(key, DateTimeOffset.UtcNow))], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            var html = await enabled.Content.ReadAsStringAsync(Ct);
            recoveryCodes = RecoveryCode().Matches(html[html.IndexOf("id=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(10, recoveryCodes.Count);
        }
        Assert.Contains("Two-factor sign-in is <strong>on</strong>", await editor.GetPageAsync("/newsroom/account/two-factor", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/newsroom", Ct)).StatusCode);

        // Password alone now leads to the second step, not into the newsroom.
        using var second = NewsroomSession.Anonymous(app);
        using (var password = await second.SubmitSignInAsync(editor.Email!, NewsroomSession.DefaultPassword, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
            Assert.StartsWith("/newsroom/signin/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/newsroom", Ct)).StatusCode);
        using (var bad = await second.PostFormAsync("/newsroom/signin/two-factor", [new("Input.Code", WrongCode(key))], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("That code is not right.", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        // The next time step's code: still accepted, and never the one already used to turn two-factor on.
        using (var code = await second.PostFormAsync("/newsroom/signin/two-factor", [new("Input.Code", Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)))], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
            Assert.Equal("/newsroom", code.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/newsroom", Ct)).StatusCode);

        using var third = NewsroomSession.Anonymous(app);
        await third.SubmitSignInAsync(editor.Email!, NewsroomSession.DefaultPassword, Ct);
        using (var recovery = await third.PostFormAsync("/newsroom/signin/recovery", [new("Input.Code", recoveryCodes[3])], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/newsroom", Ct)).StatusCode);

        using var fourth = NewsroomSession.Anonymous(app);
        await fourth.SubmitSignInAsync(editor.Email!, NewsroomSession.DefaultPassword, Ct);
        using (var reused = await fourth.PostFormAsync("/newsroom/signin/recovery", [new("Input.Code", recoveryCodes[3])], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains("used already", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await fourth.GetAsync("/newsroom", Ct)).StatusCode);
        Assert.Contains("You have 9 recovery codes left", await third.GetPageAsync("/newsroom/account/two-factor", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Turning_two_factor_off_needs_the_password_and_then_the_password_alone_signs_in(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        using var writer = await NewsroomSession.SignInAsync(app, NewsroomRoles.Writer, Ct);
        var key = KeyOnPage().Match(await writer.GetPageAsync("/newsroom/account/two-factor", Ct)).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        (await writer.PostFormAsync("/newsroom/account/two-factor?handler=Enable", [new("Input.Code", Totp(key, DateTimeOffset.UtcNow))], ct: Ct)).Dispose();

        using (var wrong = await writer.PostFormAsync("/newsroom/account/two-factor?handler=Disable", [new("Input.DisablePassword", "nope")], ct: Ct))
        {
            Assert.Contains("href=\"#Input_DisablePassword\"", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var off = await writer.PostFormAsync("/newsroom/account/two-factor?handler=Disable", [new("Input.DisablePassword", NewsroomSession.DefaultPassword)], ct: Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }
        using var again = await NewsroomSession.SignInAsync(app, writer.Email!, NewsroomSession.DefaultPassword, Ct);
        // The key was replaced, so the old one would not turn it back on.
        var newKey = KeyOnPage().Match(await again.GetPageAsync("/newsroom/account/two-factor", Ct)).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEqual(key, newKey);
    }

    [Fact]
    public void The_code_generator_matches_the_RFC_6238_test_vectors()
    {
        // RFC 6238 appendix B, SHA-1, seed "12345678901234567890", last 6 of the 8 digits.
        var key = Base32("12345678901234567890"u8.ToArray());
        Assert.Equal("287082", Totp(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("050471", Totp(key, DateTimeOffset.FromUnixTimeSeconds(1111111111)));
    }

    /// <summary>RFC 6238 TOTP: HMAC-SHA1 over the 30-second step count, dynamic truncation, 6 digits.</summary>
    internal static string Totp(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the test must compute what the phone does.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Totp(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li>([a-zA-Z0-9-]+)</li>")]
    private static partial Regex RecoveryCode();
}
