namespace Broadsheet.Data;

/// <summary>Seeds the fictional demo publication on first start.</summary>
public sealed class DemoContent(BroadsheetDb db)
{
    public async Task SeedAsync()
    {
        db.Publications.Add(new Articles.Publication { Name = "The Broadsheet", BaseUrl = "http://localhost:5000" });
        await db.SaveChangesAsync();
    }
}
