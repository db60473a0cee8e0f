namespace Broadsheet.BrowserTests;

/// <summary>
/// Content a test class publishes once for the run and its tests (or other classes) only read: each copy more would cost
/// a publish, its pictures' renditions and its audio. A set-up that failed (a timeout on a loaded machine) is made again
/// by the next test that asks, not repeated as that test's failure.
/// </summary>
public sealed class SharedSetup<T>
{
    private readonly Lock gate = new();
    private Task<T>? made;

    public Task<T> GetAsync(Func<Task<T>> make)
    {
        lock (gate)
        {
            if (made is null || made.IsFaulted || made.IsCanceled)
            {
                made = make();
            }
            return made;
        }
    }
}
