using Broadsheet.Media;

namespace Broadsheet.Tests.Unit;

public class CreditLineTests
{
    [Theory]
    [InlineData("TNS", "Photo: TNS")]
    [InlineData("Reuters/Ann Lee", "Photo: Reuters/Ann Lee")]
    [InlineData("Illustration: Daily Meridian demo", "Illustration: Daily Meridian demo")]
    [InlineData("photo: AFP", "photo: AFP")]
    [InlineData("Graphic: Newsroom", "Graphic: Newsroom")]
    public void Labels_a_credit_once(string credit, string expected) => Assert.Equal(expected, CreditLine.Of(credit));
}
