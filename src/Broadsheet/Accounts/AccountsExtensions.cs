namespace Broadsheet.Accounts;

public static class AccountsExtensions
{
    /// <summary>The API key store, which the admin API authenticates with and the newsroom's admins manage.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApiKeyStore>();
        return builder;
    }
}
