using Broadsheet.Data;

namespace Broadsheet;

public static class OptionsExtensions
{
    public static WebApplicationBuilder AddBroadsheetOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BroadsheetOptions>()
            .BindConfiguration(BroadsheetOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DemoContent>();
        return builder;
    }
}
