using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Broadsheet.Tests.Infrastructure;

/// <summary>
/// A whole Broadsheet on real Kestrel over loopback, with its own database: a fresh SQLite file
/// in a temporary folder, or a fresh database on the test PostgreSQL server, each copied from a migrated template.
/// </summary>
public class BroadsheetApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "broadsheet-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;

    static BroadsheetApp()
    {
        // Each host watches its appsettings files for changes through an inotify instance of its own. Linux allows 128
        // per user, and test processes side by side on one machine (all as one user) used them up: app starts failed with
        // "The configured user limit (128) on the number of inotify instances has been reached". No test edits them.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public BroadsheetApp(DatabaseProvider provider = DatabaseProvider.Sqlite, bool seedDemoContent = false, bool outputCache = true, bool audioWorker = false)
    {
        AudioWorker = audioWorker;
        Provider = provider;
        SeedDemoContent = seedDemoContent;
        OutputCache = outputCache;
        if (provider == DatabaseProvider.PostgreSQL)
        {
            postgresDatabase = "broadsheet_test_" + Guid.NewGuid().ToString("N")[..12];
        }
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where every test app emails readers' error reports (one address for all: tests tell theirs by the subject).</summary>
    public const string ErrorReportsDesk = "corrections@test.example";

    public bool SeedDemoContent { get; }

    public bool OutputCache { get; }

    /// <summary>
    /// Runs the audio worker. Off unless a test needs audio (the Listen tests, the browser tests' demo site): in every
    /// other app with published articles it would spend the machine's two cores making audio nobody asks for.
    /// </summary>
    public bool AudioWorker { get; }

    public string DataPath => dataPath;

    /// <summary>The app's own database on the test PostgreSQL server; null on SQLite.</summary>
    public string? PostgresDatabase => postgresDatabase;

    /// <summary>
    /// The app's clock, when a test sets one (a <c>FakeTimeProvider</c>) to move time on instead of waiting for it:
    /// scheduled publishing, the site snapshot's age limit, the audio queue's leases and retries all read it.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Where the real server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Broadsheet:DataPath", dataPath);
        builder.UseSetting("Broadsheet:SeedDemoContent", SeedDemoContent ? "true" : "false");
        builder.UseSetting("Broadsheet:BootstrapApiKey", AdminKey);
        builder.UseSetting("Broadsheet:Cache:OutputCache", OutputCache ? "true" : "false");
        builder.UseSetting("Broadsheet:Database:Provider", Provider.ToString());
        builder.UseSetting("Broadsheet:Listen:Worker", AudioWorker ? "true" : "false");
        // Tests sign in, upload and poll from one address far faster than people do; the rate-limit tests set their own limits.
        foreach (var rule in new[] { "SignIn", "PasswordReset", "Audio", "Uploads", "Search", "Feedback", "Reads" })
        {
            builder.UseSetting($"Broadsheet:RateLimits:{rule}:PermitLimit", "1000000");
        }
        builder.UseSetting("Broadsheet:RateLimits:MaxQueuedOnDemandAudio", "100000");
        // Mail goes to the test command's SMTP server (TestSmtp), so "Forgot password?" is on and really sends.
        if (TestSmtp.Address is { } smtp)
        {
            builder.UseSetting("Broadsheet:Mail:Host", smtp[..smtp.LastIndexOf(':')]);
            builder.UseSetting("Broadsheet:Mail:Port", smtp[(smtp.LastIndexOf(':') + 1)..]);
            builder.UseSetting("Broadsheet:Mail:Security", "None");
            builder.UseSetting("Broadsheet:Mail:From", "The Test Desk <newsroom@test.example>");
            builder.UseSetting("Broadsheet:Mail:ErrorReportsTo", ErrorReportsDesk);
        }
        // A password hash at Identity's default of 100,000 PBKDF2 rounds costs about a tenth of a second of CPU, and the
        // suite creates users and signs in hundreds of times. The tests check what is hashed, stored and compared, not
        // how slowly: the same hasher and hash format with fewer rounds.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1000));
        if (postgresDatabase is not null)
        {
            var csb = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = postgresDatabase };
            builder.UseSetting("ConnectionStrings:Broadsheet", csb.ConnectionString);
        }
        // Called once the settings are final, including those of subclasses that change them after this method.
        builder.ConfigureServices((context, _) => CreateMigratedDatabase(context.Configuration));
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }
    }

    /// <summary>
    /// Puts a copy of the migrated template where the app will look for its database, unless the app is to find
    /// another's database (a second instance) or none at all (a test of an unmigrated database).
    /// </summary>
    private void CreateMigratedDatabase(IConfiguration configuration)
    {
        if (!configuration.GetValue("Broadsheet:Database:ApplyMigrations", true))
        {
            return;
        }
        var connectionString = configuration.GetConnectionString("Broadsheet");
        if (postgresDatabase is not null)
        {
            if (new NpgsqlConnectionStringBuilder(connectionString).Database == postgresDatabase)
            {
                TestPostgres.CreateMigratedDatabaseAsync(postgresDatabase).GetAwaiter().GetResult();
            }
        }
        else if (string.IsNullOrEmpty(connectionString) && configuration["Broadsheet:DataPath"] == dataPath)
        {
            TestSqlite.CreateMigratedDatabase(Path.Combine(dataPath, "broadsheet.db"));
        }
    }

    /// <summary>A client on the real server, following no redirects so tests can see 301s.</summary>
    public HttpClient Client()
    {
        // A plain client on the real socket: the factory's own client follows redirects on Kestrel
        // whatever its options say, and tests must see 301s and compressed bytes as a browser would.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = BaseAddress,
        };
    }

    public HttpClient AdminClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(postgresDatabase);
        }
        else
        {
            // Microsoft.Data.Sqlite keeps a stopped app's idle connections (each with its page cache) for the life of
            // the test process; this app's alone go, not those of the apps still running beside it.
            using var database = new Microsoft.Data.Sqlite.SqliteConnection(Broadsheet.Data.DataExtensions.SqliteConnectionString(dataPath));
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(database);
        }
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
