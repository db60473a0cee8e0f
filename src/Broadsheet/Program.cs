using Broadsheet;
using Broadsheet.Ads;
using Broadsheet.Api;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Listen;
using Broadsheet.Media;
using Broadsheet.Newsroom;
using Broadsheet.Reader;

var builder = WebApplication.CreateBuilder(args);
builder.AddBroadsheetOptions();
builder.AddRateLimits();
builder.AddData();
builder.AddArticles();
builder.AddMedia();
builder.AddAds();
builder.AddReader();
builder.AddApi();
builder.AddListen();
builder.AddNewsroom();

var app = builder.Build();
if (await app.RunCommandAsync(args))
{
    return;
}
await app.PrepareDatabaseAsync();
app.UseProxyHeaders();
app.UseReaderPipeline();
app.UseNewsroom();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimits();
app.MapMedia();
app.MapAds();
app.MapApi();
app.MapListen();
app.MapReader();
await app.RunAsync();

public partial class Program;
