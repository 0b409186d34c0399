"""bench/server.parse_wrk reads what wrk printed (captured from real runs of wrk 4.1.0)."""

import pytest

from bench.server import parse_wrk

# `wrk -t2 -c4 -d2s --latency URL`: wrk's own report only.
PLAIN = """\
Running 2s test @ http://127.0.0.1:18631/bench/trivial/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    32.84ms   66.99ms 370.22ms   90.13%
    Req/Sec   178.94     57.32   310.00     74.29%
  Latency Distribution
     50%   10.86ms
     75%   16.07ms
     90%   98.22ms
     99%  320.77ms
  659 requests in 2.03s, 580.95KB read
Requests/sec:    324.99
Transfer/sec:    286.50KB
"""

# `wrk ... --latency --script=bench/load.lua URL -- PATHS 0` on a path that is a 404: the
# report counts the non-2xx/3xx responses, and load.lua adds its RESULT line.
WITH_RESULT = """\
Running 1s test @ http://127.0.0.1:18631
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    11.67ms    8.91ms  67.83ms   94.95%
    Req/Sec   189.90     42.89   212.00     90.00%
  Latency Distribution
     50%    9.64ms
     75%   12.79ms
     90%   15.42ms
     99%   63.36ms
  189 requests in 1.00s, 835.55KB read
  Non-2xx or 3xx responses: 189
Requests/sec:    188.71
Transfer/sec:    834.25KB
RESULT {"requests": 189, "duration_us": 1001557, "bytes": 855605, "connect": 0, "read": 0, "write": 0, "status": 189, "timeout": 0, "p50_us": 9643, "p90_us": 15423, "p99_us": 63361, "max_us": 67830, "mean_us": 11671.5}
"""  # noqa: E501 - the RESULT line as load.lua prints it


def test_wrk_report():
    result = parse_wrk(PLAIN)
    assert result["requests"] == 659
    assert result["duration_us"] == pytest.approx(2_030_000)
    assert result["bytes"] == pytest.approx(580.95 * 1024, abs=1)
    assert result["rps"] == pytest.approx(324.99)
    assert result["mean_us"] == pytest.approx(32_840)
    assert result["max_us"] == pytest.approx(370_220)
    assert result["p50_us"] == pytest.approx(10_860)
    assert result["p75_us"] == pytest.approx(16_070)
    assert result["p90_us"] == pytest.approx(98_220)
    assert result["p99_us"] == pytest.approx(320_770)
    assert result["status"] == result["errors"] == result["timeout"] == 0


def test_load_lua_result_wins_and_errors_are_counted():
    result = parse_wrk(WITH_RESULT)
    assert result["requests"] == 189
    assert result["duration_us"] == 1_001_557  # RESULT's exact figure, not "1.00s"
    assert result["rps"] == pytest.approx(189 / 1.001557)
    assert result["p50_us"] == 9_643
    assert result["p75_us"] == pytest.approx(12_790)  # only in wrk's report
    assert result["p99_us"] == 63_361
    assert result["status"] == result["errors"] == 189


def test_socket_errors_and_units():
    report = (
        PLAIN.replace(
            "Requests/sec:", "  Socket errors: connect 1, read 2, write 3, timeout 4\nRequests/sec:"
        )
        .replace("  99%  320.77ms", "  99%    1.50s")
        .replace("580.95KB read", "1.25MB read")
    )
    result = parse_wrk(report)
    assert (result["connect"], result["read"], result["write"], result["timeout"]) == (1, 2, 3, 4)
    assert result["errors"] == 6  # timeouts are counted apart
    assert result["p99_us"] == pytest.approx(1_500_000)
    assert result["bytes"] == pytest.approx(1.25 * 2**20)


def test_not_wrk():
    with pytest.raises(ValueError, match="not an output of wrk"):
        parse_wrk("wrk: command failed\n")
