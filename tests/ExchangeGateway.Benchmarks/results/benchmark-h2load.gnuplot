$d1024_direct << EOD
1 11024 0.19
16 47209.667 0.561
64 63838.667 2.139
EOD
$d1024_proxy_pair << EOD
1 3496 0.422
16 9796.667 3.429
64 13338.333 9.712
EOD
$d1024_gateway_pair << EOD
1 232 8.958
16 1487 29.665
64 2531 51.008
EOD
$d65536_direct << EOD
1 2126.578 0.644
16 3517.667 7.122
64 3679.333 28.96
EOD
$d65536_proxy_pair << EOD
1 1047 1.625
16 2007.333 14.955
64 1917.333 61.032
EOD
$d65536_gateway_pair << EOD
1 169 10.821
16 640.667 40.081
64 738.333 125.823
EOD
$d1048576_direct << EOD
1 178 11.427
16 220.266 105.566
64 216.333 366.327
EOD
$d1048576_proxy_pair << EOD
1 105 16.613
16 154 152.402
64 141 606.837
EOD
$d1048576_gateway_pair << EOD
1 37.333 46.132
16 60 380.767
64 46.179 1463.003
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output 'tests/ExchangeGateway.Benchmarks/results/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
