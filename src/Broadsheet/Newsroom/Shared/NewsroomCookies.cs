namespace Broadsheet.Newsroom.Shared;

/// <summary>
/// Names and flags of the newsroom's cookies. When the site is public over HTTPS (<c>Broadsheet:PublicUrl</c>),
/// they are Secure and carry the <c>__Host-</c> prefix, which browsers accept only from HTTPS, for the whole
/// host (no Domain) and path <c>/</c>: a neighbouring subdomain can then neither set nor shadow them.
/// </summary>
public sealed record NewsroomCookies(bool Https)
{
    public string Session => Name("broadsheet.newsroom");

    public string TwoFactor => Name("broadsheet.newsroom.2fa");

    public string RememberDevice => Name("broadsheet.newsroom.device");

    public string External => Name("broadsheet.newsroom.external");

    public string Antiforgery => Name("broadsheet.antiforgery");

    public string Messages => Name("broadsheet.newsroom.messages");

    public static NewsroomCookies For(string publicUrl) =>
        new(Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);

    public void Apply(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = Https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    private string Name(string name) => Https ? "__Host-" + name : name;
}
