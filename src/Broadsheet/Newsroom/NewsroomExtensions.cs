using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Newsroom.Accounts;
using Broadsheet.Newsroom.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom;

public static class NewsroomExtensions
{
    /// <summary>Where newsroom pages live; every route under it needs a signed-in newsroom user unless marked otherwise.</summary>
    public const string PathPrefix = "/newsroom";

    public const string SignInPath = "/newsroom/signin";

    public static WebApplicationBuilder AddNewsroom(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(BroadsheetOptions.Section).Get<BroadsheetOptions>() ?? new BroadsheetOptions();
        var cookies = NewsroomCookies.For(options.PublicUrl);

        builder.Services.AddIdentity<NewsroomUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<BroadsheetDb>()
            .AddSignInManager<NewsroomSignInManager>()
            .AddClaimsPrincipalFactory<NewsroomClaimsFactory>()
            .AddDefaultTokenProviders();

        // No scheme authenticates every request: newsroom policies name the sign-in cookie themselves. So a reader
        // page visited by a signed-in editor never validates or renews the session cookie, and never answers with a
        // Set-Cookie that a CDN could store and hand to other readers.
        builder.Services.Configure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = null);

        // The newsroom is small and a disabled account or a changed role must take effect at once, so every
        // request re-checks the account's security stamp (one indexed read) instead of every 30 minutes.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordLinks.Lifetime);
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        builder.Services.ConfigureApplicationCookie(o =>
        {
            cookies.Apply(o.Cookie, cookies.Session);
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/newsroom/signout";
            o.AccessDeniedPath = "/newsroom/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the role gets a plain 403 (and the error page), not a redirect loop.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (!context.Request.Path.StartsWithSegments(PathPrefix))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            cookies.Apply(o.Cookie, cookies.TwoFactor);
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            cookies.Apply(o.Cookie, cookies.RememberDevice);
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            cookies.Apply(o.Cookie, cookies.External);
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            cookies.Apply(o.Cookie, cookies.Messages);
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.IsEssential = true;
        });
        builder.Services.Configure<AntiforgeryOptions>(o =>
        {
            cookies.Apply(o.Cookie, cookies.Antiforgery);
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        NewsroomPolicies.Add(builder.Services.AddAuthorizationBuilder());

        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Newsroom", NewsroomPolicies.Writer);
            o.Conventions.AuthorizeFolder("/Newsroom/Admin", NewsroomPolicies.Admin);
            o.Conventions.AllowAnonymousToFolder("/Newsroom/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Newsroom/Accounts/Setup");
            foreach (var (page, policy) in new[]
            {
                ("/Newsroom/Accounts/SignIn/Index", RateLimits.SignIn),
                ("/Newsroom/Accounts/SignIn/TwoFactor", RateLimits.SignIn),
                ("/Newsroom/Accounts/SignIn/Recovery", RateLimits.SignIn),
                ("/Newsroom/Accounts/SignIn/ResetPassword", RateLimits.PasswordReset),
                ("/Newsroom/Accounts/SignIn/ForgotPassword", RateLimits.PasswordReset),
                ("/Newsroom/Accounts/Password", RateLimits.PasswordReset),
                ("/Newsroom/Images/Index", RateLimits.Uploads),
            })
            {
                o.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(policy)));
            }
        });

        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.IsValid, "Broadsheet:Mail:From, and each address of Broadsheet:Mail:ErrorReportsTo, must be an email address when Broadsheet:Mail:Host is set.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SmtpMail>();
        builder.Services.AddSingleton<PasswordMail>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PasswordMail>());
        builder.Services.AddSingleton<ErrorReports.ErrorReportMail>();
        builder.Services.AddSingleton<Feedback.IErrorReportFollower>(services => services.GetRequiredService<ErrorReports.ErrorReportMail>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ErrorReports.ErrorReportMail>());
        builder.Services.AddSingleton<FirstRunSetup>();
        builder.Services.AddHostedService<FirstRunNotice>();
        builder.Services.AddScoped<NewsroomAccounts>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<Admin.Ads.AdForm>();
        builder.Services.AddScoped<Articles.Autosaves>();
        return builder;
    }

    public static WebApplication UseNewsroom(this WebApplication app)
    {
        // Called before UseAuthentication (Program.cs), whose sign-in redirects must not be cached either.
        app.UseMiddleware<NewsroomResponseHeaders>();
        return app;
    }
}
