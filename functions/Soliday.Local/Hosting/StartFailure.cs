using System.ComponentModel;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Soliday.Local.Hosting;

/// <summary>
/// Why the host stopped, as one line a volunteer can act on, in place of an unhandled exception's
/// stack trace. Printed after everything the host started has been stopped.
/// </summary>
public static class StartFailure
{
    public static string Describe(Exception failure, bool started)
    {
        var what = failure switch
        {
            IOException { InnerException: AddressInUseException } =>
                $"{failure.Message} Another program is using that port: stop it, or give Soliday another (--urls http://127.0.0.1:7072).",
            OptionsValidationException invalid => $"a setting is not valid: {string.Join(" ", invalid.Failures)}",
            Win32Exception => $"{failure.Message} Is Node.js 20 or later installed?",
            _ => failure.Message,
        };
        return $"Soliday.Local {(started ? "stopped" : "could not start")}: {what}";
    }
}
