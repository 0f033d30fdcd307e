$d1024_direct << EOD
1 2553.99 0.826
16 10052.996 4.155
64 12745.302 11.656
EOD
$d1024_proxy_pair << EOD
1 607.149 3.596
16 2241.861 14.142
64 2782.224 40.277
EOD
$d1024_relay_pair << EOD
1 546.216 3.808
16 3167.981 10.038
64 3871.635 27.426
EOD
$d1024_gateway_pair << EOD
1 137.913 13.205
16 670.029 45.805
64 1211.945 86.642
EOD
$d65536_direct << EOD
1 507.23 4.026
16 828.838 29.502
64 984.263 117.961
EOD
$d65536_proxy_pair << EOD
1 258.115 7.558
16 511.841 47.32
64 603.308 185.058
EOD
$d65536_relay_pair << EOD
1 183.412 10.883
16 368.038 65.767
64 488.32 227.713
EOD
$d65536_gateway_pair << EOD
1 69.635 22.236
16 246.823 92.466
64 240.574 376.057
EOD
$d1048576_direct << EOD
1 44.98 35.52
16 54.913 473.521
64 74.67 1529.279
EOD
$d1048576_proxy_pair << EOD
1 25.334 63.545
16 40.898 552.466
64 43.27 1975.654
EOD
$d1048576_relay_pair << EOD
1 20.979 121.72
16 25.309 867.952
64 22.684 3771.009
EOD
$d1048576_gateway_pair << EOD
1 14.657 104.879
16 24.976 1182.434
64 11.981 3956.071
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output 'tests/ExchangeGateway.Benchmarks/results/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
