using Broadsheet.Rendering;

namespace Broadsheet.Tests.Unit;

public class EvictionLedgerTests
{
    [Fact]
    public void A_render_is_refused_when_one_of_its_tags_was_evicted_after_it_began()
    {
        var ledger = new EvictionLedger();
        ledger.Evicting("article:1");
        var mark = ledger.Now;
        Assert.False(ledger.EvictedSince(["article:1", "home"], mark));
        ledger.Evicting("home");
        Assert.True(ledger.EvictedSince(["article:1", "home"], mark));
        Assert.False(ledger.EvictedSince(["article:2"], mark));
    }

    [Fact]
    public void While_held_every_render_is_refused_and_after_it_those_begun_before_it_ended_still_are()
    {
        var ledger = new EvictionLedger();
        var before = ledger.Now;
        ledger.Hold();
        var during = ledger.Now;
        Assert.True(ledger.EvictedSince(["article:1"], before));
        Assert.True(ledger.EvictedSince(null, during));

        ledger.Resume();
        Assert.True(ledger.EvictedSince(["article:1"], during));
        Assert.False(ledger.EvictedSince(["article:1"], ledger.Now));
    }
}
