using Broadsheet;
using Broadsheet.Accounts;
using Broadsheet.Ads;
using Broadsheet.Api;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Edge;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Doors;
using Broadsheet.Discovery;
using Broadsheet.Feedback;
using Broadsheet.FrontPage;
using Broadsheet.Listen;
using Broadsheet.Media;
using Broadsheet.Newsroom;
using Broadsheet.Operations;
using Broadsheet.Reader;
using Broadsheet.Rendering;
using Broadsheet.Syndication;
using Broadsheet.Search;

var builder = WebApplication.CreateBuilder(args);
builder.AddBroadsheetOptions();
builder.AddOperations();
builder.AddRateLimits();
builder.AddData();
builder.AddArticles();
builder.AddEdge();
builder.AddSearch();
builder.AddAccounts();
builder.AddMedia();
builder.AddAds();
builder.AddFeedback();
builder.AddRendering();
builder.AddSyndication();
builder.AddReader();
builder.AddApi();
builder.AddListen();
builder.AddIngest();
builder.AddIngestDoors();
builder.AddDiscovery();
builder.AddFrontPage();
builder.AddNewsroom();
builder.AddDemo();

var app = builder.Build();
if (await app.RunCommandAsync(args))
{
    return;
}
await app.PrepareDatabaseAsync();
await app.SeedDemoContentAsync();
app.UseProxyHeaders();
app.MapHealth();
// A worker-only process (Broadsheet:Role=worker) runs the background jobs and answers the health checks only.
if (app.ServesWeb())
{
    app.UseReaderPipeline();
    app.UseNewsroom();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseApiErrors();
    app.UseRateLimits();
    app.MapMedia();
    app.MapAds();
    app.MapApi();
    app.MapListen();
    app.MapDiscovery();
    app.MapFrontPage();
    app.MapReader();
}
await app.RunAsync();

public partial class Program;
