using Broadsheet;
using Broadsheet.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddBroadsheetOptions();
builder.AddData();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapGet("/", () => "Broadsheet");
await app.RunAsync();

public partial class Program;
