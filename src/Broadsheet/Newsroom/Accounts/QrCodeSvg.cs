using System.Globalization;
using System.Text;
using QRCoder;

namespace Broadsheet.Newsroom.Accounts;

/// <summary>A QR code drawn as inline SVG on the server: no image request, no third party, nothing the CSP must allow.</summary>
public static class QrCodeSvg
{
    /// <summary>An <c>&lt;svg&gt;</c> element for <paramref name="text"/>, with <paramref name="title"/> as its accessible name.</summary>
    public static string Render(string text, string title)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix; // includes the quiet zone
        var size = modules.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = modules[y];
            for (var x = 0; x < size; x++)
            {
                if (row[x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">" +
            $"<title id=\"qr-title\">{encodedTitle}</title><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
