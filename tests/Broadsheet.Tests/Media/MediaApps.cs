using Broadsheet.Tests.Infrastructure;

namespace Broadsheet.Tests.Media;

/// <summary>The collection's shared app per provider, for the media tests.</summary>
public sealed class MediaApps(SharedApps shared) : SharedProviderApps(shared);
