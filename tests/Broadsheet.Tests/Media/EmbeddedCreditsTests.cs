using Broadsheet.Media;

namespace Broadsheet.Tests.Media;

public class EmbeddedCreditsTests
{
    [Fact]
    public void Reads_iptc_caption_and_joins_by_line_with_credit()
    {
        var bytes = TestImages.WithIptc(TestImages.Encode(64, 48), "Night ferry leaving the pier", "Min Park", "Northstar Press");

        Assert.Equal(new EmbeddedCredits("Night ferry leaving the pier", "Min Park/Northstar Press"), EmbeddedCredits.Read(bytes));
    }

    [Fact]
    public void Falls_back_to_the_copyright_notice_when_no_one_is_credited()
    {
        var bytes = TestImages.WithIptc(TestImages.Encode(64, 48), null, null, null, copyright: "© Harbour Photo Co");

        Assert.Equal(new EmbeddedCredits(null, "© Harbour Photo Co"), EmbeddedCredits.Read(bytes));
    }

    [Fact]
    public void Reads_xmp_description_and_photoshop_credit()
    {
        var bytes = TestImages.WithXmp(TestImages.Encode(64, 48), "Container cranes at sunrise", "Harbour Photo Agency");

        Assert.Equal(new EmbeddedCredits("Container cranes at sunrise", "Harbour Photo Agency"), EmbeddedCredits.Read(bytes));
    }

    [Fact]
    public void A_file_without_metadata_or_not_an_image_has_none()
    {
        Assert.Equal(default, EmbeddedCredits.Read(TestImages.Encode(64, 48)));
        Assert.Equal(default, EmbeddedCredits.Read("not an image at all"u8.ToArray()));
    }
}
