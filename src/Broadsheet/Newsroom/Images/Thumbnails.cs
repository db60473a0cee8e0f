using Broadsheet.Media;

namespace Broadsheet.Newsroom.Images;

/// <summary>Which rendition the newsroom shows for an image: small in lists, large enough to aim a focal point.</summary>
public static class Thumbnails
{
    public static string Small(Image image) => Pick(image, 320);

    public static string Large(Image image) => Pick(image, 1280);

    private static string Pick(Image image, int wanted)
    {
        var jpegs = image.Renditions.Where(r => r.Format == "jpeg").OrderBy(r => r.Width).ToList();
        var best = jpegs.LastOrDefault(r => r.Width <= wanted) ?? jpegs.FirstOrDefault();
        return "/media/" + (best?.Path ?? image.OriginalPath);
    }
}
