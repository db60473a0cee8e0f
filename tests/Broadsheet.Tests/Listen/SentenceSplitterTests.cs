using Broadsheet.Listen;

namespace Broadsheet.Tests.Listen;

public class SentenceSplitterTests
{
    private static string Split(string text) => string.Join(" | ", SentenceSplitter.Split(text).Select(r => r.Of(text)));

    [Theory]
    [InlineData("One. Two. Three.", "One. | Two. | Three.")]
    [InlineData("Is it? Yes! Fine.", "Is it? | Yes! | Fine.")]
    [InlineData("No full stop at the end", "No full stop at the end")]
    [InlineData("  Padded.   Text.  ", "Padded. | Text.")]
    [InlineData("Wait... What?", "Wait... | What?")]
    [InlineData("Wait… what now?", "Wait… what now?")]
    [InlineData("He said “no.” Then he left.", "He said “no.” | Then he left.")]
    [InlineData("“Really?” she asked.", "“Really?” she asked.")]
    [InlineData("(It rained.) Then it stopped.", "(It rained.) | Then it stopped.")]
    [InlineData("", "")]
    public void Splits_at_sentence_ends(string text, string sentences) => Assert.Equal(sentences, Split(text));

    [Theory]
    [InlineData("Mr. Smith met Mrs. Jones. They talked.", "Mr. Smith met Mrs. Jones. | They talked.")]
    [InlineData("Dr. Lee and Prof. Chan spoke. Then Sen. Warren.", "Dr. Lee and Prof. Chan spoke. | Then Sen. Warren.")]
    [InlineData("He visited St. Paul's. It was closed.", "He visited St. Paul's. | It was closed.")]
    [InlineData("The U.S. economy grew. Then it shrank.", "The U.S. economy grew. | Then it shrank.")]
    [InlineData("The U.S. President spoke.", "The U.S. President spoke.")]
    [InlineData("He moved to the U.S. The rest is history.", "He moved to the U.S. | The rest is history.")]
    [InlineData("Fruit, e.g. Apples, sold well. Pears did not.", "Fruit, e.g. Apples, sold well. | Pears did not.")]
    [InlineData("One fruit, i.e. An apple.", "One fruit, i.e. An apple.")]
    [InlineData("Growth was 3.5 per cent. Inflation was 2.1.", "Growth was 3.5 per cent. | Inflation was 2.1.")]
    [InlineData("J. K. Rowling wrote it. It sold.", "J. K. Rowling wrote it. | It sold.")]
    [InlineData("George W. Bush spoke. Then he left.", "George W. Bush spoke. | Then he left.")]
    [InlineData("They met on Jan. 12 in Geneva. It snowed.", "They met on Jan. 12 in Geneva. | It snowed.")]
    [InlineData("He lives at No. 10 now. Really.", "He lives at No. 10 now. | Really.")]
    [InlineData("It ended at 9 a.m. Then we slept.", "It ended at 9 a.m. | Then we slept.")]
    [InlineData("It starts at 9 a.m. tomorrow.", "It starts at 9 a.m. tomorrow.")]
    [InlineData("Apples, pears, etc. Then lunch.", "Apples, pears, etc. | Then lunch.")]
    [InlineData("Lakers vs. Celtics tonight. Tickets sold out.", "Lakers vs. Celtics tonight. | Tickets sold out.")]
    [InlineData("Visit example.com today. It is free.", "Visit example.com today. | It is free.")]
    [InlineData("It costs approx. 40 dollars.", "It costs approx. 40 dollars.")]
    [InlineData("She said no. 10 people left.", "She said no. | 10 people left.")]
    public void Does_not_split_after_abbreviations_initials_or_decimals(string text, string sentences) => Assert.Equal(sentences, Split(text));
}
