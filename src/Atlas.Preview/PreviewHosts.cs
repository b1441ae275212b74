using System.Net;
using System.Net.Sockets;

namespace Atlas.Preview;

/// <summary>
/// Which <c>Host</c> headers the preview answers. A page on another site can make the browser resolve its own name
/// to 127.0.0.1 (DNS rebinding) and then read the preview as if it were that site, drafts and errors included; the
/// browser still sends the page's name in <c>Host</c>, so the preview answers only the names that belong to this
/// machine: <c>localhost</c>, <c>*.localhost</c> (browsers resolve those to the loopback address themselves),
/// <c>127.0.0.1</c>, <c>[::1]</c> and the address it was bound to, each with the preview's port.
/// </summary>
public static class PreviewHosts
{
    /// <param name="host">The request's Host header, null or empty when it had none.</param>
    /// <param name="bound">The address the preview listens on (--bind).</param>
    /// <param name="port">The port it listens on; a Host without a port stands for port 80.</param>
    public static bool IsAllowed(string? host, IPAddress bound, int port)
    {
        if (string.IsNullOrEmpty(host) || !SplitPort(host, out var name, out var hostPort) || hostPort != port)
        {
            return false;
        }

        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name is "127.0.0.1" or "[::1]" || IsLocalhostSubdomain(name))
        {
            return true;
        }

        // Bound to one address: that address as written by the browser. Bound to every address (0.0.0.0 or ::), the
        // request reached one of this machine's addresses; a literal address cannot be rebound to another site, so
        // any literal in its usual form is one of ours. Names (other than the localhost ones) never are.
        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        if (!IPAddress.TryParse(literal, out var address) || Literal(address) != name)
        {
            return false;
        }

        return bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) || address.Equals(bound);
    }

    /// <summary>How a browser writes an address in a URL: 192.0.2.1, [2001:db8::1].</summary>
    private static string Literal(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();

    private static bool SplitPort(string host, out string name, out int port)
    {
        // The port follows the last colon after the closing bracket of an IPv6 literal.
        var colon = host.LastIndexOf(':');
        if (colon < 0 || colon < host.LastIndexOf(']'))
        {
            name = host;
            port = 80;
            return true;
        }

        name = host[..colon];
        var digits = host[(colon + 1)..];
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) &&
               digits.Length <= 5 && name.Length > 0;
    }

    /// <summary><c>atlas.localhost</c>: letters, digits and hyphens in dot-separated labels, ending in .localhost.</summary>
    private static bool IsLocalhostSubdomain(string name)
    {
        const string suffix = ".localhost";
        if (!name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || name.Length == suffix.Length)
        {
            return false;
        }

        return name[..^suffix.Length].Split('.').All(label =>
            label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
