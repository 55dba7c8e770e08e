using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Tests.Submissions;

/// <summary>What the form tells submit.js of the day, so the browser refuses a time not yet come as the server does.</summary>
public sealed class MomentCheckTests
{
    [Fact]
    public void A_summer_day_carries_its_date_and_British_Summer_Time()
    {
        var check = MomentCheck.For(new SolidayOptions { Day = new DateOnly(2008, 10, 22), TimeZone = "Europe/London" });

        Assert.Equal(new MomentCheck("2008-10-22", 60, 5), check);
    }

    [Fact]
    public void On_the_night_the_clocks_go_back_the_browser_takes_the_larger_offset_and_leaves_the_rest_to_the_server()
    {
        // 25 October 2026: BST until 02:00, GMT after. The larger offset makes each time earlier in UTC, so never refused wrongly.
        var check = MomentCheck.For(new SolidayOptions { Day = new DateOnly(2026, 10, 25), TimeZone = "Europe/London" });

        Assert.Equal(60, check.OffsetMinutes);
    }
}
