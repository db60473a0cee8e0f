using Broadsheet.Media;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Reader;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Hardening;

public sealed class ImageDecodeBoundTests
{
    [Fact]
    public async Task Many_large_uploads_at_once_never_decode_more_images_than_configured()
    {
        // One rendition width instead of five: the bound is on the decodes, and each upload still decodes its 2400×1600
        // picture and makes its renditions and crops inside its slot, in a fifth of the encoding work.
        await using var app = new ConfiguredApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Broadsheet:Media:MaxConcurrentDecodes"] = "2",
            ["Broadsheet:Media:RenditionWidths:0"] = "640",
        });
        var admin = app.AdminClient();
        var slots = app.Services.GetRequiredService<ImageWorkSlots>();
        Assert.Equal(2, slots.Capacity);

        var uploads = Enumerable.Range(0, 8).Select(_ => Task.Run(() => admin.UploadImageAsync(2400, 1600))).ToList();
        var ids = await Task.WhenAll(uploads);

        Assert.Equal(8, ids.Distinct().Count());
        Assert.InRange(slots.Peak, 1, 2);
        Assert.Equal(0, slots.InUse);
    }
}
