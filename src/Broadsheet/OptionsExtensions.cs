using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Broadsheet;

public static class OptionsExtensions
{
    public static WebApplicationBuilder AddBroadsheetOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BroadsheetOptions>()
            .BindConfiguration(BroadsheetOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.TrustedProxies.All(p => TryParseProxy(p, out _, out _)),
                "Broadsheet:TrustedProxies must list IP addresses (10.0.0.5) or networks (10.0.0.0/8).")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<BroadsheetOptions>>((forwarded, broadsheet) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor;
            foreach (var proxy in broadsheet.Value.TrustedProxies)
            {
                if (TryParseProxy(proxy, out var address, out var network))
                {
                    if (address is null)
                    {
                        forwarded.KnownIPNetworks.Add(network);
                    }
                    else
                    {
                        forwarded.KnownProxies.Add(address);
                    }
                }
            }
        });
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>A trusted proxy: a network in CIDR notation (10.0.0.0/8), or else one address (10.0.0.5).</summary>
    private static bool TryParseProxy(string text, out IPAddress? address, out IPNetwork network)
    {
        address = null;
        network = default;
        return text.Contains('/') ? IPNetwork.TryParse(text, out network) : IPAddress.TryParse(text, out address);
    }

    /// <summary>
    /// First in the pipeline, so that everything after it (error pages, the output cache's keys, absolute links in
    /// pages and feeds, Secure and <c>__Host-</c> cookies) sees the scheme and address the reader used when a
    /// TLS-terminating proxy forwards the request. Only loopback and <see cref="BroadsheetOptions.TrustedProxies"/> are believed.
    /// </summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
