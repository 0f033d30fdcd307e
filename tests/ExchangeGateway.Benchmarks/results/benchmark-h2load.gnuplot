$d1024_direct << EOD
1 10049.333 0.22
16 49851 0.584
64 65492 1.813
EOD
$d1024_proxy_pair << EOD
1 3954 0.474
16 12743.667 2.878
64 16018.333 7.649
EOD
$d1024_relay_pair << EOD
1 2354 0.882
16 11430 2.407
64 15661.667 6.889
EOD
$d1024_gateway_pair << EOD
1 527.667 4.29
16 2706 14.121
64 4573.667 28.429
EOD
$d65536_direct << EOD
1 2455 0.779
16 3593.333 8.208
64 3996.333 25.969
EOD
$d65536_proxy_pair << EOD
1 1266.667 1.356
16 2538.667 11.81
64 2672.667 43.225
EOD
$d65536_relay_pair << EOD
1 805.333 2.073
16 1683.667 20.084
64 1751 55.857
EOD
$d65536_gateway_pair << EOD
1 301.667 6.15
16 768.333 34.828
64 935.216 103.135
EOD
$d1048576_direct << EOD
1 148.333 14.513
16 194.352 123.468
64 194.352 390.689
EOD
$d1048576_proxy_pair << EOD
1 107.667 18.724
16 159 153.791
64 152.667 592.934
EOD
$d1048576_relay_pair << EOD
1 82.333 22.051
16 121.667 198.919
64 120.333 724.884
EOD
$d1048576_gateway_pair << EOD
1 39.333 42.694
16 68.106 360.314
64 65.333 1472.145
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run12/benchmark-h2load.png'
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
