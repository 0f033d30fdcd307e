$d1024_direct << EOD
1 10895.667 0.179
16 34987.667 0.799
64 61833.333 2.137
EOD
$d1024_proxy_pair << EOD
1 3287.667 0.513
16 9264 3.754
64 9533.333 13.304
EOD
$d1024_gateway_pair << EOD
1 464 4.818
16 2161.462 15.958
64 3230 39.73
EOD
$d65536_direct << EOD
1 1817.667 0.835
16 2773.333 10.077
64 3035.333 34.696
EOD
$d65536_proxy_pair << EOD
1 852.333 2.049
16 1749.667 16.421
64 1691.694 94.949
EOD
$d65536_gateway_pair << EOD
1 202.667 8.97
16 669.667 40.338
64 860.667 113.895
EOD
$d1048576_direct << EOD
1 147.667 13.127
16 185 116.445
64 179.667 446.363
EOD
$d1048576_proxy_pair << EOD
1 84.333 21.522
16 127.667 202.517
64 142.384 588.968
EOD
$d1048576_gateway_pair << EOD
1 47 34.036
16 59.667 382.972
64 57.667 1630.593
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full1/benchmark-h2load.png'
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
