"""Print the p50/p95 per endpoint of a locust run (its `*_stats.csv`) as a Markdown table."""

import csv
import sys


def print_report(stats_csv):
    print("| requête | nombre | échecs | p50 (ms) | p95 (ms) |")
    print("|---|---:|---:|---:|---:|")
    with open(stats_csv, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            print(
                f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
                f"| {row['50%']} | {row['95%']} |"
            )


if __name__ == "__main__":
    print_report(sys.argv[1])
