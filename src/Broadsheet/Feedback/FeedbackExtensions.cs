namespace Broadsheet.Feedback;

/// <summary>Readers' error reports: the writer and queue queries, and the form's spam token. The entity configures itself (<see cref="ErrorReportConfiguration"/>).</summary>
public static class FeedbackExtensions
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ErrorReports>();
        builder.Services.AddSingleton<ReportTokens>();
        return builder;
    }
}
