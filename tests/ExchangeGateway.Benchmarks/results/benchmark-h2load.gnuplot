$d1024_direct << EOD
1 8435 0.199
16 31597.333 0.907
64 39610 3.266
EOD
$d1024_proxy_pair << EOD
1 2978 0.569
16 8368.667 4.23
64 8387 14.695
EOD
$d1024_relay_pair << EOD
1 1680.333 0.823
16 6731 4.925
64 9253.156 11.287
EOD
$d1024_gateway_pair << EOD
1 465 5.393
16 1890.333 16.644
64 2569.667 42.683
EOD
$d65536_direct << EOD
1 1288 2.749
16 2559 10.735
64 2617.333 37.035
EOD
$d65536_proxy_pair << EOD
1 768.333 2.701
16 1370.333 26.04
64 1670.667 81.782
EOD
$d65536_relay_pair << EOD
1 585 4.011
16 1068.667 25.15
64 1348.667 81.318
EOD
$d65536_gateway_pair << EOD
1 182.667 10.53
16 537.667 42.597
64 671 140.013
EOD
$d1048576_direct << EOD
1 101.661 21.197
16 130.333 169.024
64 128 644.363
EOD
$d1048576_proxy_pair << EOD
1 73.667 24.776
16 106 236.619
64 115.333 766.629
EOD
$d1048576_relay_pair << EOD
1 49.169 38.244
16 92.359 280.67
64 90.333 987.238
EOD
$d1048576_gateway_pair << EOD
1 28.333 55.42
16 48.173 462.197
64 42.193 1767.682
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run14/benchmark-h2load.png'
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
