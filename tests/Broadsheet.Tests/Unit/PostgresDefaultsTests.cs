using Broadsheet.Data;
using Npgsql;

namespace Broadsheet.Tests.Unit;

public class PostgresDefaultsTests
{
    [Fact]
    public void Preparation_on_custom_plans_and_no_reset_unless_the_connection_string_says_otherwise()
    {
        var added = new NpgsqlConnectionStringBuilder(DataExtensions.WithPostgresDefaults("Host=db;Username=app;Password=secret;Database=news"));
        Assert.Equal(100, added.MaxAutoPrepare);
        Assert.Equal(2, added.AutoPrepareMinUsages);
        Assert.True(added.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=force_custom_plan", added.Options);
        Assert.Equal("secret", added.Password);
        Assert.Equal("news", added.Database);

        var kept = new NpgsqlConnectionStringBuilder(DataExtensions.WithPostgresDefaults("Host=db;Max Auto Prepare=0;AutoPrepareMinUsages=7;no reset on close=false;Options=-c search_path=news"));
        Assert.Equal(0, kept.MaxAutoPrepare);
        Assert.Equal(7, kept.AutoPrepareMinUsages);
        Assert.False(kept.NoResetOnClose);
        Assert.Equal("-c search_path=news", kept.Options);
    }
}
